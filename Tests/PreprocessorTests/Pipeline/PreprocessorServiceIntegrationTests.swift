import Features
import Foundation
import Kafka
import Pipeline
import PreprocessorCore
import Schema
import TestSupport
import Testing

@Suite("Preprocessor service against a real broker", .timeLimit(.minutes(15)))
struct PreprocessorServiceIntegrationTests {
    /// A message cut off in transit, keyed like a home.
    static let truncated = KafkaProducerMessage(
        topic: Topic.homesNormalized.name, key: Array("home-truncated".utf8), value: Array(#"{"id": "home-truncated", "region": "#.utf8))

    @Test(
        "streamed rows encode bit for bit as the serving path encodes the same homes; bad messages are dead-lettered, the stream goes on"
    )
    func streamAndServingPathsAgree() async throws {
        let early = Array(Homes.known.prefix(4))
        let late = Array(Homes.known.dropFirst(4))
        try await PreprocessorRun.with { run in
            try await run.publish(
                try early.map { try KafkaProducerMessage($0) } + [Self.truncated, try KafkaProducerMessage(Homes.londonListing)])
            let keys = Set(early.map(\.id) + ["home-truncated", Homes.londonListing.id])
            let letters = try await run.outputs(for: keys).deadLetters
            #expect(Set(letters.map(\.originalKey)) == ["home-truncated", Homes.londonListing.id])
            let truncatedLetter = try #require(letters.first { $0.originalKey == "home-truncated" })
            #expect(truncatedLetter.stage == .preprocessing && truncatedLetter.service == run.configuration.serviceName)
            #expect(truncatedLetter.origin?.topic == Topic.homesNormalized.name)
            #expect(truncatedLetter.reasons.map(\.code) == ["schema.invalidJSON"])
            #expect(truncatedLetter.originalBytes == Data(Self.truncated.value))
            let londonLetter = try #require(letters.first { $0.originalKey == Homes.londonListing.id })
            #expect(londonLetter.stage == .preprocessing)
            #expect(londonLetter.reasons.map(\.code) == ["preprocessor.unknownRegion"] && londonLetter.reasons.first?.field == "region")

            // Still running: the homes published after the bad messages come out too.
            try await run.publish(late)
            let outputs = try await run.outputs(for: keys.union(late.map(\.id)))
            #expect(Set(outputs.deadLetters.map(\.originalKey)) == ["home-truncated", Homes.londonListing.id])
            let rows = Dictionary(outputs.rows.map { ($0.homeId, $0) }) { _, newer in newer }
            #expect(rows.keys.sorted() == Homes.known.map(\.id).sorted())
            #expect(
                run.metrics.counterTotal(
                    label: "preprocessor_feature_issues_total", dimensions: [("field", "livingArea"), ("reason", "belowMinimum")])
                    >= 1)

            // Fitting only: values seen twice keep a level of their own and rarer ones fold into
            // "other", and the outer tenth of every numeric feature is clipped, so the comparison
            // goes through every branch of the encoding. Extraction settings stay the service's.
            var settings = run.configuration.features
            settings.minLevelCount = 2
            settings.lowerOutlierQuantile = 0.1
            settings.upperOutlierQuantile = 0.9
            let parameters = try FittedFeatureParameters.fit(rows: Array(rows.values), settings: settings)
            let encoder = FeatureEncoder(parameters: parameters)
            let serving = ServingFeatures(parameters: parameters)
            var streamedInputs: [[Double]] = []
            for home in Homes.known {
                let row = try #require(rows[home.id])
                let streamed = encoder.modelInput(numeric: row.features, categorical: row.categorical)
                let served = serving.modelInput(for: home.features, at: try #require(row.observedAt))
                let differing = zip(parameters.featureNames, zip(streamed, served)).filter { $1.0.bitPattern != $1.1.bitPattern }
                #expect(
                    streamed.map(\.bitPattern) == served.map(\.bitPattern), "\(home.id) (\(home.address.city)): \(differing.map(\.0))")
                streamedInputs.append(streamed)
            }

            // With imputation from neighbouring homes too: both paths fill the same values.
            let imputing = try FittedFeatureParameters.fit(
                rows: Array(rows.values), settings: settings,
                imputation: ImputationSettings(
                    targets: [FeatureName.garageSpaces, FeatureName.cooling, FeatureName.latitude, FeatureName.longitude],
                    distanceFeatures: [FeatureName.livingArea, FeatureName.builtYear], groupFeature: FeatureName.city, neighbours: 3,
                    minGroupSize: 2, missingDistance: 2, maxDonors: 100))
            let imputingEncoder = FeatureEncoder(parameters: imputing)
            let imputingServing = ServingFeatures(parameters: imputing)
            var filled = 0
            for (home, plain) in zip(Homes.known, streamedInputs) {
                let row = try #require(rows[home.id])
                let streamed = imputingEncoder.modelInput(numeric: row.features, categorical: row.categorical)
                let served = imputingServing.modelInput(for: home.features, at: try #require(row.observedAt))
                #expect(streamed.map(\.bitPattern) == served.map(\.bitPattern), "\(home.id) (\(home.address.city)) imputed")
                filled += zip(plain, streamed).count(where: { $0.isNaN && !$1.isNaN })
            }
            #expect(filled > 0, "imputation filled missing inputs")

            // What the comparison covered: missing values, clipped values, kept and folded levels.
            let values = streamedInputs.joined()
            #expect(values.contains { $0.isNaN } && values.contains { !$0.isNaN })
            #expect(Homes.known.contains { home in !encoder.clippedFeatures(numeric: rows[home.id]?.features ?? [:]).isEmpty })
            let city = try #require(parameters.categorical.first { $0.name == FeatureName.city })
            #expect(city.levels == ["ames", "berlin", FittedFeatureParameters.otherLevel, "windsor"])
        }
    }

    @Test("the seed's two listings of one home, published as two versions under its id, leave one feature row: the merged home's")
    func twoVersionsOfAHomeLeaveOneRow() async throws {
        try await PreprocessorRun.with { run in
            try await run.publish([SeedHome.nestedOnly, SeedHome.merged])
            let rows = try await run.outputs(2).rows
            #expect(rows.map(\.homeId) == [SeedHome.id, SeedHome.id], "one row per version, both keyed by the home id")

            let latest = try await run.latestRows()
            #expect(latest.count == 1)
            let row = try #require(latest[SeedHome.id])
            #expect(row.categorical[FeatureName.propertyType] == "house", "the merged version's type")
            #expect(row.observedAt == SeedHome.merged.normalizedAt)
            #expect(row.features[FeatureName.livingArea] == 130)
        }
    }
}
