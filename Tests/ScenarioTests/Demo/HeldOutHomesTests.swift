import Foundation
import Scenario
import Schema
import Testing

@Suite("Held-out homes of a scenario")
struct HeldOutHomesTests {
    @Test("they are the homes a larger scenario of the same seed has after the smaller one's, none of the smaller one's")
    func continueTheScenario() throws {
        let (small, smallFolder) = try ScenarioGeneratorTests.generate(seed: 5, homes: 200)
        let (_, largeFolder) = try ScenarioGeneratorTests.generate(seed: 5, homes: 400)
        defer {
            try? FileManager.default.removeItem(at: smallFolder)
            try? FileManager.default.removeItem(at: largeFolder)
        }
        let truth = try Self.groundTruth(largeFolder)
        let seen = Set(try Self.groundTruth(smallFolder).keys)
        var heldOut = try HeldOutHomes(seed: 5, scenarioHomes: small.homes, seedData: ScenarioGeneratorTests.seedData)
        for region in ScenarioRegion.allCases {
            let homes = try heldOut.take(5, of: region)
            #expect(homes.count == 5 && homes.allSatisfy { $0.region == region })
            for home in homes {
                #expect(!seen.contains(home.id), "\(home.id) was in the scenario's sources")
                let expected = try #require(truth[home.id], "\(home.id) is one of the larger scenario's homes")
                #expect(home.canonical == expected, "\(home.id) differs from the larger scenario's home")
            }
        }
    }

    @Test("a condition the market never meets is an error, not an endless search")
    func impossibleCondition() throws {
        var heldOut = try HeldOutHomes(seed: 9, scenarioHomes: 50, seedData: ScenarioGeneratorTests.seedData)
        #expect(throws: ScenarioError.self) { try heldOut.take(3, of: .de) { ($0.builtYear ?? 0) >= 3_000 } }
    }

    @Test("a condition selects the homes: newer homes only, in order, never the same twice")
    func condition() throws {
        var heldOut = try HeldOutHomes(seed: 9, scenarioHomes: 50, seedData: ScenarioGeneratorTests.seedData)
        let newer = try heldOut.take(20, of: .de) { ($0.builtYear ?? 0) >= 1995 }
        #expect(newer.allSatisfy { ($0.builtYear ?? 0) >= 1995 && $0.region == .de })
        #expect(zip(newer, newer.dropFirst()).allSatisfy { $0.index < $1.index })
        let next = try heldOut.take(5, of: .de)
        #expect((next.first?.index ?? 0) > (newer.last?.index ?? .max))
    }

    private static func groundTruth(_ folder: URL) throws -> [String: Home] {
        let lines = try String(contentsOf: folder.appendingPathComponent("ground-truth.jsonl"), encoding: .utf8).split(separator: "\n")
        var homes: [String: Home] = [:]
        for line in lines {
            let entry = try JSONDecoder().decode(GroundTruthEntry.self, from: Data(line.utf8))
            homes[entry.homeId] = entry.home
        }
        return homes
    }
}
