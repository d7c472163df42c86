import Foundation
import NormalizerEvaluation
import Scenario
import Schema

/// The scenario a benchmark runs on: generated into its workspace, its raw records read as the
/// producers would publish them, all fetched at one fixed time.
enum BenchScenario {
    /// The fetch time stamped on every record.
    static let fetchedAt = Date(timeIntervalSince1970: 1_750_000_000)

    /// Generates the scenario of `seed` and `homes` into `workspace/scenario`; its folder and records.
    static func generate(seed: UInt64, homes: Int, seedData: URL, in workspace: URL) throws -> (folder: URL, records: [RawRecord]) {
        let folder = workspace.appendingPathComponent("scenario")
        _ = try ScenarioGenerator(parameters: .init(seed: seed, homes: homes, output: folder, seedData: seedData)).generate()
        return (folder, try ScenarioRecords.load(folder: folder, fetchedAt: fetchedAt))
    }
}
