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
            "mls_number,address,list_price,lot_size_sqft,bedrooms,bathrooms,garage,gas_heat,air_conditioning\n"
                + "W1,\"676 Dougall Ave, Windsor, ON N9B 3H0\",\"$42,000.00\",5500,3,1,0,no,yes\n"
                + "W2,\"151 Pillette Rd, Windsor, ON N8R 2E7\",free,4790,3,1,1,no,yes\n",
            "mls.csv"
        )
        defer { try? FileManager.default.removeItem(at: csv) }
        let results = try DryRun(sourceId: "ca-mls-dataset", mappingFile: nil, files: [csv], resolve: false)
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
        let results = try DryRun(sourceId: "us-agency-flat", mappingFile: nil, files: [flat], resolve: true)
            .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
        guard case .cluster(let home, let records) = try #require(results.first) else {
            Issue.record("expected a cluster, got \(results)")
            return
        }
        #expect(records == ["us-agency-flat/flat.json#1"] || records.count == 1)
        #expect(home.livingArea == 111.48)
    }
}
