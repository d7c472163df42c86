import Foundation
import NormalizerCore
import Schema
import Testing

@Suite("Dry run for mapping authors")
struct DryRunTests {
    private func file(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("prints one home per CSV row and the errors of a bad row")
    func csvRows() async throws {
        let csv = try file(
            "price,lotsize,bedrooms,bathrooms,stories,driveway,recreation,fullbase,gasheat,aircon,garage,prefer\n"
                + "42000,5850,3,1,2,yes,no,yes,no,no,1,no\nfree,4000,2,1,1,yes,no,no,no,no,0,no\n",
            "windsor.csv"
        )
        defer { try? FileManager.default.removeItem(at: csv) }
        let results = try DryRun(sourceId: "windsor-dataset", mappingFile: nil, files: [csv], resolve: false)
            .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
        #expect(results.count == 2)
        guard case .home(_, let home) = results[0], case .errors(_, let reasons) = results[1] else {
            Issue.record("expected a home then errors, got \(results)")
            return
        }
        #expect(home.price == Money(amount: 42_000, currency: "CAD"))
        #expect(reasons.map(\.field) == ["price"])
        #expect(try results[0].jsonLine().hasPrefix("{"))
    }

    @Test("with resolve, prints clusters with the records they came from")
    func resolveClusters() async throws {
        let flat = try file(SeedScenario.flat.payload, "flat.json")
        defer { try? FileManager.default.removeItem(at: flat) }
        let results = try DryRun(sourceId: "us-listings", mappingFile: nil, files: [flat], resolve: true)
            .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
        guard case .cluster(let home, let records) = try #require(results.first) else {
            Issue.record("expected a cluster, got \(results)")
            return
        }
        #expect(records == ["us-listings/flat.json#1"] || records.count == 1)
        #expect(home.livingArea == 111.48)
    }
}
