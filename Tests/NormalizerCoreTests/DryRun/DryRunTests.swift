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

    private func dryRunError(_ source: String, _ url: URL) async throws -> NormalizationError? {
        do {
            _ = try DryRun(sourceId: source, mappingFile: nil, files: [url], resolve: false)
                .run(configuration: try await SeedScenario.configuration(), catalog: try SeedScenario.catalog(), now: SeedScenario.now)
            return nil
        } catch let error as NormalizationError {
            return error
        }
    }

    @Test("an empty file, a file that is not UTF-8 and an XML file declaring entities are clear errors")
    func unreadableFiles() async throws {
        let empty = try file(" \n", "empty.csv")
        let latin1 = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-latin1.json")
        try Data("{\"listingId\": \"A\"}\n{\"city\": \"M".utf8 + [0xFC] + Data("nchen\"}\n".utf8)).write(to: latin1)
        let entity = try file(
            "<!DOCTYPE K [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><K><Vertrag nr=\"1\"><Lage>&x;</Lage></Vertrag></K>", "k.xml")
        defer { for url in [empty, latin1, entity] { try? FileManager.default.removeItem(at: url) } }
        let emptyError = try await dryRunError("ca-mls-dataset", empty)
        #expect(emptyError?.code == .unreadableFile)
        #expect(emptyError?.reason.contains("empty") == true)
        let latin1Error = try await dryRunError("us-agency-flat", latin1)
        #expect(latin1Error?.reason == "the file is not UTF-8: byte 31 (line 2) is not a valid UTF-8 sequence")
        #expect(latin1Error?.input == latin1.path)
        let entityError = try await dryRunError("de-kaufpreissammlung", entity)
        #expect(entityError?.code == .malformedPayload)
        #expect(entityError?.description.contains("root:") == false)
    }
}
