import Foundation
import NormalizerCore
import Schema
import Testing

@Suite("Dry run for mapping authors")
struct DryRunTests {
    private static func mls(_ id: String, _ row: String) -> RawRecord {
        RawRecord(
            sourceId: "ca-mls-dataset", recordId: id, region: "CA", fetchedAt: SeedScenario.now, contentType: "text/csv",
            payload: "mls_number,address,list_price,lot_size_sqft,bedrooms,bathrooms,garage,gas_heat,air_conditioning\n" + row)
    }

    @Test("prints one home per record and the errors of a bad one, under the records' own keys")
    func homesAndErrors() async throws {
        let records = [
            Self.mls("W1", "W1,\"676 Dougall Ave, Windsor, ON N9B 3H0\",\"$42,000.00\",5500,3,1,0,no,yes"),
            Self.mls("W2", "W2,\"151 Pillette Rd, Windsor, ON N8R 2E7\",free,4790,3,1,1,no,yes"),
        ]
        let results = try DryRun(records: records, resolve: false)
            .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
        #expect(results.count == 2)
        guard case .home(let key, let home) = results[0], case .errors(let badKey, let reasons) = results[1] else {
            Issue.record("expected a home then errors, got \(results)")
            return
        }
        #expect(key == "ca-mls-dataset/W1" && badKey == "ca-mls-dataset/W2")
        #expect(home.price == Money(amount: 42_000, currency: "CAD"))
        #expect(reasons.map(\.field) == ["price"])
        #expect(try results[0].jsonLine().hasPrefix("{"))
    }

    @Test("with resolve, records of two sources merge into one cluster that names both")
    func resolveAcrossSources() async throws {
        let results = try DryRun(records: [SeedScenario.flat, SeedScenario.nested], resolve: true)
            .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
        let clusters = results.compactMap { result -> [String]? in
            if case .cluster(_, let records) = result { return records } else { return nil }
        }
        #expect(clusters.map { Set($0) } == [["us-agency-flat/L-1", "us-agency-feed/A-77"]])
    }

    @Test("a mapping given for a source replaces the configured one; a source without a mapping is an error")
    func mappingsAndUnknownSources() async throws {
        var mapping = try #require(try SeedScenario.catalog()["ca-mls-dataset"])
        mapping.mapping["price"] = FieldMapping(path: "lot_size_sqft")
        let record = Self.mls("W1", "W1,\"676 Dougall Ave, Windsor, ON N9B 3H0\",\"$42,000.00\",5500,3,1,0,no,yes")
        let results = try DryRun(records: [record], mappings: [mapping], resolve: false)
            .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
        guard case .home(_, let home) = try #require(results.first) else {
            Issue.record("expected a home, got \(results)")
            return
        }
        #expect(home.price?.amount == 5_500)

        var stray = record
        stray.sourceId = "nobody"
        let error = try await #require(throws: NormalizationError.self) {
            try DryRun(records: [stray], resolve: false)
                .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
        }
        #expect(error.code == .unknownSource && error.input == "nobody")
    }
}
