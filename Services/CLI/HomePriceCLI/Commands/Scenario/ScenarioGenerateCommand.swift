import ArgumentParser
import Foundation
import Scenario

/// `homeprice scenario generate --seed N --homes N --out DIR`.
struct ScenarioGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write every source's raw material and the ground truth for N homes.")

    @Option(help: "The seed of every random choice.") var seed: UInt64 = 42
    @Option(help: "How many homes.") var homes = 1_000
    @Option(help: "The output folder.") var out = ".homeprice/scenario"
    @Option(help: "The folder with ames.csv, saratoga.csv and windsor.csv.") var seedData = "data"
    @Option(help: "Records per dropped government file.") var recordsPerDropFile = 1_000

    func run() async throws {
        let manifest = try ScenarioGenerator(
            parameters: .init(
                seed: seed, homes: homes, output: URL(fileURLWithPath: out), seedData: URL(fileURLWithPath: seedData),
                recordsPerDropFile: recordsPerDropFile)
        ).generate()
        print("\(manifest.homes) homes, \(manifest.totalRecords) raw records in \(out)")
        for (source, count) in manifest.recordsPerSource.sorted(by: { $0.key < $1.key }) {
            print("  \(source): \(count) records at \(manifest.paths[source] ?? "?")")
        }
    }
}
