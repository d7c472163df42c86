import Foundation
import Scenario
import Schema
import TestSupport
import Testing

@Suite("Chaos: a supervised cluster with its services SIGKILLed ends as an undisturbed run does", .serialized)
struct ChaosRunTests {
    @Test(
        "every service but the scenario's website SIGKILLed once with work in hand (the crawler, the agency feeds and the dataset producers while they publish, the normalizer, the preprocessor, the trainer, the server, the monitor with sale prices to join): no record lost or in two homes, every request answered and its sale price joined once, and the warehouse, the homes, the feature rows, the registry, the answers and the monitor's live accuracy equal an undisturbed run's",
        .timeLimit(.minutes(45)))
    func chaosRunMatchesUndisturbedRun() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-chaos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let seedData = TestProject.layout.root.appendingPathComponent("data")
        let manifest = try ScenarioGenerator(parameters: .init(seed: 11, homes: 400, output: folder, seedData: seedData)).generate()
        var heldOut = try HeldOutHomes(seed: 11, scenarioHomes: manifest.homes, seedData: seedData)
        var requests: [PredictionRequest] = []
        var salePrices: [String: Double] = [:]
        for region in ScenarioRegion.allCases {
            for (index, home) in try heldOut.take(20, of: region).enumerated() {
                let requestId = "chaos-\(region.rawValue)-\(index)"
                requests.append(
                    PredictionRequest(
                        requestId: requestId, clientId: "client-\(index % 5)", features: home.canonical.features,
                        requestedAt: Date(timeIntervalSince1970: 1_780_000_000)))
                salePrices[requestId] = home.price
            }
        }

        let expectedRecords = try StreamClusterRun.publishedRecords(scenario: folder)
        var calm = StreamClusterRun(scenario: folder, records: expectedRecords, requests: requests, salePrices: salePrices, chaos: false)
        let undisturbed = try await calm.run()
        var chaotic = StreamClusterRun(scenario: folder, records: expectedRecords, requests: requests, salePrices: salePrices, chaos: true)
        let disturbed = try await chaotic.run()

        #expect(
            chaotic.kills.sorted() == StreamClusterRun.killable.sorted(), "every service but the website killed once: \(chaotic.kills)")
        for (run, outcome) in [("undisturbed", undisturbed), ("disturbed", disturbed)] {
            // Nothing lost, nothing duplicated: every record of the scenario's sources (the
            // crawled listings and the feeds' items too) is in exactly one live home; the
            // warehouse and homes.normalized agree; every live home has its row; every request
            // has its answer, and the monitor joined each answer's sale price exactly once.
            let records = outcome.recordsOfLiveHomes.values.flatMap { $0 }
            #expect(outcome.suspectHistories.isEmpty, "\(run): homes.normalized of the suspect homes: \(outcome.suspectHistories)")
            #expect(records.count == Set(records).count, "\(run): a record in two live homes")
            #expect(Set(records) == expectedRecords, "\(run): records lost: \(expectedRecords.subtracting(records).prefix(5))")
            #expect(StreamClusterRun.difference(outcome.warehouse, outcome.homes).isEmpty, "\(run): warehouse vs homes.normalized")
            #expect(outcome.staleVersions.isEmpty, "\(run): newest versions on the topics: \(outcome.staleVersions.prefix(5))")
            #expect(Set(outcome.rows.filter { !$0.value.retired }.keys) == Set(outcome.homes.keys), "\(run): a live home without its row")
            #expect(Set(outcome.answers.keys) == Set(requests.map(\.requestId)), "\(run): unanswered requests")
            #expect(outcome.joins["joined"] == Double(requests.count), "\(run): sale prices joined: \(outcome.joins)")
            #expect(outcome.joins.filter { $0.key != "joined" && $0.value != 0 }.isEmpty, "\(run): join anomalies: \(outcome.joins)")
        }
        #expect(disturbed.registryHistory == undisturbed.registryHistory, "the same model versions, validated and promoted alike")

        // And the same outcome: the same live homes in the warehouse and on homes.normalized, the
        // same feature rows, the same model files with the same metrics, the same answers, the
        // same live accuracy reported by the monitor.
        let differences = [
            "the warehouse": StreamClusterRun.difference(disturbed.warehouse, undisturbed.warehouse),
            "homes.normalized": StreamClusterRun.difference(disturbed.homes, undisturbed.homes),
            "homes.features": StreamClusterRun.difference(disturbed.rows, undisturbed.rows),
            "the registry": disturbed.registry == undisturbed.registry
                ? "" : "\(disturbed.registry.difference(from: undisturbed.registry).map { "\($0)" })",
            "the answers": StreamClusterRun.difference(disturbed.answers, undisturbed.answers),
            "the monitor's live accuracy": disturbed.accuracy == undisturbed.accuracy
                ? "" : "\(disturbed.accuracy.difference(from: undisturbed.accuracy).map { "\($0)" })",
            "the monitor's join": StreamClusterRun.difference(disturbed.joins, undisturbed.joins),
        ]
        for (what, difference) in differences.sorted(by: { $0.key < $1.key }) where !difference.isEmpty {
            Issue.record("\(what) differs from the undisturbed run's: \(difference)")
        }
    }
}
