import Foundation
import NormalizerEvaluation
import Scenario
import Schema
import TestSupport
import Testing

@Suite("Chaos: a supervised cluster with its services SIGKILLed ends as an undisturbed run does", .serialized)
struct ChaosRunTests {
    @Test(
        "a source producer, the normalizer, the preprocessor, the trainer and the server each SIGKILLed with work in hand: no record lost or in two homes, every request answered, and the warehouse, the homes, the feature rows, the registry and the answers equal an undisturbed run's",
        .timeLimit(.minutes(20)))
    func chaosRunMatchesUndisturbedRun() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-chaos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let seedData = TestProject.layout.root.appendingPathComponent("data")
        let manifest = try ScenarioGenerator(parameters: .init(seed: 11, homes: 400, output: folder, seedData: seedData)).generate()
        var heldOut = try HeldOutHomes(seed: 11, scenarioHomes: manifest.homes, seedData: seedData)
        var requests: [PredictionRequest] = []
        for region in ScenarioRegion.allCases {
            for (index, home) in try heldOut.take(20, of: region).enumerated() {
                requests.append(
                    PredictionRequest(
                        requestId: "chaos-\(region.rawValue)-\(index)", clientId: "client-\(index % 5)", features: home.canonical.features,
                        requestedAt: Date(timeIntervalSince1970: 1_780_000_000)))
            }
        }

        let expectedRecords = Set(
            try ScenarioRecords.load(folder: folder, fetchedAt: Date()).filter { StreamClusterRun.producers.contains($0.sourceId) }
                .map { "\($0.sourceId)/\($0.recordId)" })
        var calm = StreamClusterRun(scenario: folder, manifest: manifest, requests: requests, chaos: false)
        let undisturbed = try await calm.run()
        var chaotic = StreamClusterRun(
            scenario: folder, manifest: manifest, requests: requests, chaos: true)
        let disturbed = try await chaotic.run()

        #expect(chaotic.kills == ["us-county-sales", "normalizer", "preprocessor", "trainer", "server"])
        for (run, outcome) in [("undisturbed", undisturbed), ("disturbed", disturbed)] {
            // Nothing lost, nothing duplicated: every record of the scenario's sources is in exactly
            // one live home; the warehouse and homes.normalized agree; every live home has its row;
            // every request has its answer.
            let records = outcome.recordsOfLiveHomes.values.flatMap { $0 }
            #expect(records.count == Set(records).count, "\(run): a record in two live homes")
            #expect(Set(records) == expectedRecords, "\(run): records lost: \(expectedRecords.subtracting(records).prefix(5))")
            #expect(StreamClusterRun.difference(outcome.warehouse, outcome.homes).isEmpty, "\(run): warehouse vs homes.normalized")
            #expect(Set(outcome.rows.filter { !$0.value.retired }.keys) == Set(outcome.homes.keys), "\(run): a live home without its row")
            #expect(Set(outcome.answers.keys) == Set(requests.map(\.requestId)), "\(run): unanswered requests")
        }
        #expect(disturbed.registryHistory == undisturbed.registryHistory, "the same model versions, validated and promoted alike")

        // And the same outcome: the same live homes in the warehouse and on homes.normalized, the
        // same feature rows, the same model files with the same metrics, the same answers.
        let differences = [
            "the warehouse": StreamClusterRun.difference(disturbed.warehouse, undisturbed.warehouse),
            "homes.normalized": StreamClusterRun.difference(disturbed.homes, undisturbed.homes),
            "homes.features": StreamClusterRun.difference(disturbed.rows, undisturbed.rows),
            "the registry": disturbed.registry == undisturbed.registry
                ? "" : "\(disturbed.registry.difference(from: undisturbed.registry).map { "\($0)" })",
            "the answers": StreamClusterRun.difference(disturbed.answers, undisturbed.answers),
        ]
        for (what, difference) in differences.sorted(by: { $0.key < $1.key }) where !difference.isEmpty {
            Issue.record("\(what) differs from the undisturbed run's: \(difference)")
        }
    }
}
