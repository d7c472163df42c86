import Foundation
import Kafka
import MetricsTestKit
import Pipeline
import PreprocessorCore
import Schema
import TestSupport
import Testing

@Suite("Preprocessor batch handler")
struct PreprocessorBatchHandlerTests {
    private let metrics = TestMetrics()

    /// The outcomes of `values` consumed from `homes.normalized` as one batch.
    private func handle(_ values: [Data]) async throws -> [MessageOutcome] {
        let handler = PreprocessorBatchHandler(
            preprocessor: try await Preprocessors.preprocessor(), logger: KafkaTestClients.logger, metrics: metrics)
        let batch = values.enumerated().map { index, value in
            KafkaConsumerMessage(
                topic: Topic.homesNormalized.name, partition: 0, offset: Int64(index), key: Array("key-\(index)".utf8),
                value: Array(value), headers: [], timestamp: nil)
        }
        return try await handler.handle(batch)
    }

    /// The one feature row `home` gives.
    private func row(of home: Home) async throws -> FeatureRow {
        let outcome = try #require(try await handle([try home.encoded()]).first)
        #expect(!outcome.isFailure, "\(outcome.failures)")
        #expect(outcome.outputs.count == 1)
        return try #require(outcome.outputs.first as? FeatureRow)
    }

    /// The failure reasons of the one message `value`.
    private func reasons(of value: Data) async throws -> [FailureReason] {
        let outcome = try #require(try await handle([value]).first)
        #expect(outcome.outputs.isEmpty)
        return outcome.failures
    }

    private func issues(_ field: String, _ reason: String) -> Int64 {
        metrics.counterTotal(label: "preprocessor_feature_issues_total", dimensions: [("field", field), ("reason", reason)])
    }

    @Test("a county-recorded sale gives a row labelled with its price, dated by the sale record")
    func soldHomeGivesLabelledRow() async throws {
        let home = Homes.amesSale
        let row = try await row(of: home)
        let saleDate = try #require(home.provenance["price"]?.first?.fetchedAt)
        #expect(row.key == home.id && row.region == "US")
        #expect(row.target == 195_500 && row.currency == "USD")
        #expect(row.labelDate == saleDate && row.observedAt == saleDate)
        #expect(row.features["livingArea"] == 1_604 * Homes.squareFoot)
        #expect(row.features["ageAtObservation"] == 26)
        #expect(row.categorical["postalPrefix"] == "500" && row.categorical["city"] == "ames")
        #expect(row.computedAt == Preprocessors.computedAt && !row.retired)
        #expect(metrics.counterTotal(label: "preprocessor_feature_rows_total", dimensions: [("region", "US"), ("labelled", "true")]) == 1)
        #expect(metrics.counterTotal(label: "preprocessor_feature_issues_total") == 0)
    }

    @Test("an asking price is no label: the row has no target and is observed when the home was normalized")
    func askingHomeGivesUnlabelledRow() async throws {
        let row = try await row(of: Homes.cliftonParkListing)
        #expect(row.target == nil && row.currency == nil && row.labelDate == nil)
        #expect(row.observedAt == Homes.normalizedAt)
        #expect(row.features["rooms"] == 8 && row.features["latitude"] == 42.844204)
        #expect(row.categorical["propertyType"] == "house" && row.categorical["cooling"] == "centralair")
        #expect(metrics.counterTotal(label: "preprocessor_feature_rows_total", dimensions: [("region", "US"), ("labelled", "false")]) == 1)
    }

    @Test("a Canadian sale without living area or build year is labelled, with only what it has")
    func sparseCanadianSale() async throws {
        let row = try await row(of: Homes.windsorSale)
        #expect(row.target == 113_000 && row.currency == "CAD")
        #expect(row.features["livingArea"] == nil && row.features["builtYear"] == nil && row.features["ageAtObservation"] == nil)
        #expect(row.features["lotArea"] == 5_995 * Homes.squareFoot)
        #expect(row.categorical["postalPrefix"] == "N8S")
    }

    @Test("impossible values leave the row without them, are counted by field and reason, and do not reject the home")
    func impossibleValuesAreSetAside() async throws {
        let row = try await row(of: Homes.munichTypos)
        #expect(row.features["livingArea"] == nil && row.features["livingAreaPerRoom"] == nil)
        #expect(row.features["builtYear"] == nil && row.features["ageAtObservation"] == nil)
        #expect(row.features["lotArea"] == 410 && row.features["rooms"] == 6)
        #expect(row.categorical["city"] == "munchen")
        #expect(issues("livingArea", "belowMinimum") == 1)
        #expect(issues("builtYear", "afterObservation") == 1)
        #expect(metrics.counterTotal(label: "preprocessor_feature_issues_total") == 2)
    }

    @Test("a 1-euro family transfer keeps its features but is no label, and the refused price is counted")
    func refusedLabelIsCounted() async throws {
        let row = try await row(of: Homes.hamburgFamilyTransfer)
        #expect(row.target == nil && row.labelDate == nil)
        #expect(row.features["livingArea"] == 95)
        #expect(issues("price", "implausiblePricePerSquareMetre") == 1)
    }

    @Test("bytes that are not JSON fail with the schema's reason, and the rest of the batch is processed")
    func garbageFails() async throws {
        let outcomes = try await handle([
            try Homes.berlinSale.encoded(), Data("<html>502 Bad Gateway</html>".utf8), try Homes.berlinListing.encoded(),
        ])
        #expect(outcomes.map(\.isFailure) == [false, true, false])
        #expect(outcomes[1].failures.map(\.code) == ["schema.invalidJSON"])
        #expect(outcomes[1].failures.first?.field == nil)
        #expect((outcomes[2].outputs.first as? FeatureRow)?.homeId == Homes.berlinListing.id)
    }

    @Test("a home without its region fails naming the missing field")
    func missingFieldFails() async throws {
        var object = try #require(try JSONSerialization.jsonObject(with: try Homes.berlinSale.encoded()) as? [String: Any])
        object["region"] = nil
        let reasons = try await reasons(of: try JSONSerialization.data(withJSONObject: object))
        #expect(reasons.map(\.code) == ["schema.missingField"])
        #expect(reasons.first?.field == "region")
    }

    @Test("a home of a newer schema version fails naming the version")
    func newerSchemaVersionFails() async throws {
        var home = Homes.berlinSale
        home.schemaVersion = Home.currentSchemaVersion + 1
        let reasons = try await reasons(of: try home.encoded())
        #expect(reasons.map(\.code) == ["schema.unsupportedSchemaVersion"])
        #expect(reasons.first?.field == "schemaVersion")
    }

    @Test("a home of a region without feature settings fails naming the field region and the value")
    func unknownRegionFails() async throws {
        let reasons = try await reasons(of: try Homes.londonListing.encoded())
        #expect(reasons.map(\.code) == ["preprocessor.unknownRegion"])
        #expect(reasons.first?.field == "region")
        #expect(reasons.first?.message.contains("\"GB\"") == true)
        #expect(metrics.counterTotal(label: "preprocessor_feature_rows_total") == 0)
    }
}
