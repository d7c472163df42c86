import Foundation
import Schema

/// One fully populated message of every schema type: every optional field is set, so a
/// field that fails to encode or decode breaks the round trip.
enum Samples {
    /// 2024-05-01T12:00:00.250Z, exactly representable in milliseconds.
    static let date = Date(timeIntervalSince1970: 1_714_564_800.25)

    static let address = Address(
        street: "Oak Ridge Dr",
        houseNumber: "1842",
        unit: "Unit 2",
        city: "Austin",
        state: "TX",
        postalCode: "78704",
        country: "US"
    )

    static let rawRecord = RawRecord(
        sourceId: "us-listings-crawl",
        recordId: "z-48213",
        region: "US",
        fetchedAt: date,
        contentType: "application/json",
        payload: #"{"price":"$612,000","area":"1,850 sqft"}"#,
        url: URL(string: "https://listings.example.com/homes/z-48213"),
        metadata: ["httpStatus": "200"]
    )

    static let sourceDescriptor = SourceDescriptor(
        id: "de-kaufpreissammlung-by",
        name: "Bavarian sales register",
        kind: .governmentRecords,
        region: "DE",
        currency: "EUR",
        format: .csv,
        locale: "de-DE",
        mapping: [
            "address.postalCode": FieldMapping(path: "PLZ"),
            "heating": FieldMapping(
                path: "Heizung",
                unit: "none",
                format: "text",
                language: "de",
                vocabulary: ["Fernwärme": "district"],
                defaultValue: "unknown"
            ),
        ],
        publishedAt: date
    )

    static let home = Home(
        id: "home-us-7f3a9c",
        region: "US",
        propertyType: .house,
        address: address,
        coordinates: Coordinates(latitude: 30.2401, longitude: -97.7769),
        price: Money(amount: 612_000, currency: "USD"),
        priceKind: .asking,
        priceInUSD: 612_000,
        livingArea: 171.9,
        lotArea: 650,
        rooms: 7,
        bedrooms: 3,
        bathrooms: 2.5,
        garageSpaces: 2,
        floor: 0,
        builtYear: 1990,
        builtMonth: 5,
        heating: "gas",
        cooling: "central",
        listingDate: "2024-04-28",
        saleDate: "2016-08",
        priceHistory: [
            PriceEvent(
                kind: .sold, price: Money(amount: 389_000, currency: "USD"), date: "2016-08", sourceId: "us-county-sales",
                recordId: "P-2291", fetchedAt: date),
            PriceEvent(
                kind: .asking, price: Money(amount: 612_000, currency: "USD"), date: "2024-04-28", sourceId: "us-listings-crawl",
                recordId: "z-48213", fetchedAt: date),
        ],
        extra: ["pool": "true"],
        provenance: [
            "livingArea": [
                ProvenanceEntry(
                    sourceId: "us-listings-crawl",
                    recordId: "z-48213",
                    value: "1,850 sqft",
                    fetchedAt: date,
                    chosen: true
                ),
                ProvenanceEntry(
                    sourceId: "us-agency-feed",
                    recordId: "TX-2291",
                    value: "1800 sq ft",
                    fetchedAt: date.addingTimeInterval(-86_400),
                    chosen: false
                ),
            ]
        ],
        conflicts: [FieldConflict(field: "livingArea", resolution: .mostRecent)],
        normalizedAt: date,
        retiredInto: "home-us-1b2c3d",
        version: 7
    )

    static let featureRow = FeatureRow(
        homeId: "home-us-7f3a9c",
        region: "US",
        featureSchemaVersion: 3,
        features: ["ageAtObservation": 34, "livingArea": 142.5],
        categorical: ["propertyType": "singleFamily"],
        target: 612_000,
        currency: "USD",
        labelDate: date,
        observedAt: date,
        computedAt: date,
        homeVersion: 7
    )

    static let deadLetter = DeadLetter(
        originalKey: "us-listings-crawl/z-48214",
        originalPayload: #"{"recordId":"z-48214"}"#,
        originalPayloadEncoding: .utf8,
        origin: MessageOrigin(topic: "homes.raw", partition: 4, offset: 48_213),
        originalLength: 524_288,
        originalSHA256: String(repeating: "5d", count: 32),
        stage: .normalization,
        service: "normalizer-0",
        reasons: [FailureReason(field: "fetchedAt", code: "schema.missingField", message: "missing")],
        failedAt: date
    )

    static let modelEvent = ModelEvent(
        modelName: "price-us",
        version: "2024.18.1",
        kind: .promoted,
        algorithm: "gbt",
        featureSchemaVersion: 3,
        metrics: ["mape": 0.081],
        artifactURI: URL(string: "file:///var/lib/homeprice/models/price-us/2024.18.1"),
        alias: "champion",
        previousVersion: "2024.17.2",
        artifactSHA256: String(repeating: "ab", count: 32),
        cardURI: URL(string: "file:///var/lib/homeprice/artifacts/card"),
        actor: "user:alice",
        reason: "beat the champion",
        at: date
    )

    static let predictionRequest = PredictionRequest(
        requestId: "req-9b1e2c",
        clientId: "web-4411",
        features: home.features,
        modelAlias: "champion",
        modelVersion: "2024.18.1",
        currency: "USD",
        requestedAt: date
    )

    static let prediction = Prediction(
        predictionId: "pred-51c7d0",
        requestId: "req-9b1e2c",
        region: "US",
        modelName: "price-us",
        modelVersion: "2024.18.1",
        arm: .b,
        experimentId: "us-ab-2024-18",
        value: 598_500,
        interval: PredictionInterval(lower: 555_000, upper: 642_000, confidence: 0.9),
        currency: "USD",
        contributions: ["livingArea": 84_000],
        predictedAt: date
    )

    static let feedback = Feedback(
        feedbackId: "fb-0007",
        predictionId: "pred-51c7d0",
        kind: .salePrice,
        value: 605_000,
        currency: "USD",
        comment: "Sold after two weeks.",
        submittedBy: "web-4411",
        homeId: "home-us-7f3a9c",
        at: date
    )

    static let monitoringEvent = MonitoringEvent(
        service: "trainer",
        instance: "trainer-0",
        kind: .trainingEpoch,
        name: "round",
        values: ["round": 120, "validRMSE": 32_875.9],
        labels: ["model": "price-us"],
        severity: .warning,
        message: "validation error rose",
        at: date
    )

    static let controlCommand = ControlCommand(
        commandId: "cmd-6f0d",
        target: "source/us-listings-crawl",
        action: .pauseSource,
        arguments: ["until": "2024-05-02"],
        issuedBy: "user:alice",
        reason: "site changed its layout",
        at: date
    )

    static let reviewTask = ReviewTask(
        taskId: "review-0193",
        kind: .ambiguousDuplicate,
        subjectIds: ["home-us-7f3a9c", "home-us-81d2e0"],
        summary: "Same home?",
        details: ["addressSimilarity": "0.91"],
        createdBy: "normalizer",
        createdAt: date,
        status: .approved,
        resolvedBy: "user:bob",
        resolvedAt: date.addingTimeInterval(3_600),
        resolutionNote: "Same unit, two listings."
    )

    /// The sample of the type `topic` carries; the exhaustive switch keeps the samples in
    /// step with ``Topic``.
    static func message(for topic: Topic) -> any SchemaMessage {
        switch topic {
        case .homesRaw: rawRecord
        case .sourcesCatalog: sourceDescriptor
        case .homesNormalized: home
        case .homesFeatures: featureRow
        case .homesDeadLetter: deadLetter
        case .modelsRegistry: modelEvent
        case .predictionRequests: predictionRequest
        case .predictions: prediction
        case .feedback: feedback
        case .pipelineMonitoring: monitoringEvent
        case .pipelineControl: controlCommand
        case .reviewTasks: reviewTask
        }
    }
}
