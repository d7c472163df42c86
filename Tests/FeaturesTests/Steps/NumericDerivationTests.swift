import Features
import Schema
import Testing

@Suite("Derived numeric features")
struct NumericDerivationTests {
    let observation = Observation(Fixtures.date("2024-06-15T12:00:00Z"))

    @Test("a full home gives every numeric feature")
    func fullHome() {
        let values = NumericDerivation.values(of: Fixtures.fullFeatures, at: observation)
        let expected: [String: Double] = [
            "ageAtObservation": 30 + 3.0 / 12, "observedYear": 2024, "observedMonth": 6, "livingArea": 142.5,
            "lotArea": 380, "rooms": 5, "bedrooms": 3, "bathrooms": 1.5, "garageSpaces": 1, "builtYear": 1994,
            "latitude": 48.137, "longitude": 11.575, "lotToLivingRatio": 380 / 142.5, "livingAreaPerRoom": 142.5 / 5,
        ]
        #expect(values == expected)
    }

    @Test(
        "the age counts whole years, plus a month fraction only when the build month is known",
        arguments: [
            (1994, nil, 30.0), (1994, 6, 30.0), (1994, 12, 29.5), (2024, 9, -0.25), (2025, nil, -1.0), (1200, 1, 824 + 5.0 / 12),
        ] as [(Int, Int?, Double)])
    func age(builtYear: Int, builtMonth: Int?, expected: Double) {
        var features = HomeFeatures(region: "DE")
        features.builtYear = builtYear
        features.builtMonth = builtMonth
        #expect(NumericDerivation.values(of: features, at: observation)["ageAtObservation"] == expected)
    }

    @Test("a home with nothing known gives only the observation date")
    func sparseHome() {
        var features = HomeFeatures(region: "DE")
        features.builtMonth = 4
        #expect(NumericDerivation.values(of: features, at: observation) == ["observedYear": 2024, "observedMonth": 6])
    }

    @Test("ratios need both parts, and the per-room area at least one room")
    func ratiosNeedTheirParts() {
        var features = HomeFeatures(region: "US", livingArea: 100, rooms: 0)
        var values = NumericDerivation.values(of: features, at: observation)
        #expect(values["lotToLivingRatio"] == nil && values["livingAreaPerRoom"] == nil)
        features.lotArea = 250
        features.rooms = 4
        values = NumericDerivation.values(of: features, at: observation)
        #expect(values["lotToLivingRatio"] == 2.5 && values["livingAreaPerRoom"] == 25)
    }

    @Test("uncleaned garbage still yields only finite values, and what is finite stays")
    func uncleanedGarbageIsDropped() {
        let garbage = HomeFeatures(
            region: "DE", coordinates: Coordinates(latitude: .nan, longitude: -.infinity), livingArea: 0, lotArea: 500, rooms: 2,
            bathrooms: .nan, builtYear: 2000)
        let values = NumericDerivation.values(of: garbage, at: observation)
        #expect(
            values == [
                "observedYear": 2024, "observedMonth": 6, "livingArea": 0, "lotArea": 500, "rooms": 2, "builtYear": 2000,
                "ageAtObservation": 24, "livingAreaPerRoom": 0,
            ])
    }

    @Test("garbage that passed through cleaning yields only finite values")
    func cleanedGarbageIsFinite() {
        let garbage = HomeFeatures(
            region: "DE", coordinates: Coordinates(latitude: .nan, longitude: 1e308), livingArea: .leastNonzeroMagnitude,
            lotArea: .greatestFiniteMagnitude, rooms: .infinity, bedrooms: Int.min, bathrooms: -.infinity, garageSpaces: -1,
            builtYear: Int.max, builtMonth: Int.min)
        let edges = HomeFeatures(region: "DE", livingArea: 10, lotArea: 10_000_000, rooms: 1, builtYear: 1200, builtMonth: 12)
        for features in [garbage, edges] {
            var issues: [FeatureIssue] = []
            let cleaned = FeatureCleaner(bounds: Fixtures.cleaning).clean(features, observedYear: 2024, issues: &issues)
            let values = NumericDerivation.values(of: cleaned, at: observation)
            #expect(values.values.allSatisfy { $0.isFinite })
        }
    }
}
