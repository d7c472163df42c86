import Foundation
import Scenario
import Schema
import Testing

@Suite("Scenario generation")
struct ScenarioGeneratorTests {
    static let seedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data")

    static func generate(seed: UInt64, homes: Int) throws -> (ScenarioManifest, URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        let manifest = try ScenarioGenerator(
            parameters: .init(
                seed: seed, homes: homes, output: output, seedData: seedData, recordsPerDropFile: 100)
        ).generate()
        return (manifest, output)
    }

    @Test("the same seed produces byte-identical ground truth and raw files")
    func sameSeedSameBytes() throws {
        let (_, first) = try Self.generate(seed: 7, homes: 300)
        let (_, second) = try Self.generate(seed: 7, homes: 300)
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for path in ["ground-truth.jsonl", "datasets/us-open-data.jsonl", "datasets/de-immobilien-csv.csv", "manifest.json"] {
            #expect(try Data(contentsOf: first.appendingPathComponent(path)) == Data(contentsOf: second.appendingPathComponent(path)))
        }
    }

    @Test("every home of a 100,000-home scenario has a street address of its own, and the first homes keep theirs")
    func addressesAreUnique() throws {
        let homes = try HeldOutHomes(seed: 42, scenarioHomes: 100_000, seedData: Self.seedData).published
        var owners: [[String]: String] = [:]
        var shared: [String] = []
        for home in homes {
            if let owner = owners.updateValue(home.id, forKey: [home.region.rawValue, home.city, home.street, home.houseNumber]) {
                shared.append("\(owner) and \(home.id) at \(home.houseNumber) \(home.street), \(home.city)")
            }
        }
        #expect(shared.isEmpty, "\(shared.count) homes share an address: \(shared.prefix(3))")
        // Drawn before any address could be taken twice: as they were before addresses were kept unique.
        #expect(
            homes.prefix(3).map { "\($0.houseNumber) \($0.street), \($0.city)" } == [
                "2317 Circular St, Clifton Park", "703 East Ave, Wilton", "42 Am Mühlbach, Bremen",
            ])
    }

    @Test("every home appears in one to three sources and the ground truth lists each record once")
    func groundTruthCoversEveryRecord() throws {
        let (manifest, output) = try Self.generate(seed: 11, homes: 500)
        defer { try? FileManager.default.removeItem(at: output) }
        let lines = try String(contentsOf: output.appendingPathComponent("ground-truth.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let entries = try lines.map { try JSONDecoder().decode(GroundTruthEntry.self, from: Data($0.utf8)) }
        #expect(entries.count == manifest.totalRecords)
        #expect(Set(entries.map(\.key)).count == entries.count, "record keys are unique")
        let clusters = Dictionary(grouping: entries, by: \.homeId)
        #expect(clusters.count == 500)
        for (_, records) in clusters {
            #expect((1...3).contains(records.count))
            #expect(Set(records.map(\.sourceId)).count == records.count, "a home appears at most once per source")
            #expect(Set(records[0].cluster) == Set(records.map(\.key)))
        }
        #expect(Set(entries.map(\.home.region)) == ["US", "CA", "DE"])
        let latest = entries.compactMap(\.home.builtYear).max() ?? 0
        #expect(latest <= 2025, "no home is built in the future (latest \(latest))")
    }

    @Test("German records carry euros, square metres and German month words")
    func germanRecordsAreGerman() throws {
        let (_, output) = try Self.generate(seed: 3, homes: 200)
        defer { try? FileManager.default.removeItem(at: output) }
        let feed = try String(contentsOf: output.appendingPathComponent("agencies/de-agency-nested.jsonl"), encoding: .utf8)
        #expect(feed.contains(" €\""))
        #expect(feed.contains(" m2\""))
        let months = [
            "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
        ]
        #expect(months.contains { feed.contains("\"\($0) ") })
        let csv = try String(contentsOf: output.appendingPathComponent("datasets/de-immobilien-csv.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("Objekt-Nr;Straße;"))
    }
}
