import ArgumentParser
import Foundation

/// `homeprice bench pipeline-training`: feature rows/s through the preprocessor beside a
/// do-nothing relay, and per region the pipeline-trained model's quality beside the same engine
/// trained on the scenario's clean data.
struct BenchPipelineTrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline-training",
        abstract: "Feature rows/s through the preprocessor beside a relay; pipeline-trained vs clean-trained quality per region."
    )

    @Option(help: "The scenario's seed.")
    var seed: UInt64 = 42

    @Option(help: "How many homes the scenario has (each in one to three sources).")
    var homes = 3_000

    @Option(help: "The folder with ames.csv, saratoga.csv and windsor.csv (relative to the project root).")
    var seedData = "data"

    @Option(help: "The goal: the largest pipeline MAPE / the clean sources' MAPE (same homes, the facts their sources state).")
    var goal = 1.05

    @Option(help: "Hold out one in this many true homes for testing.")
    var holdOutEvery: UInt8 = 5

    @Flag(help: "Print one JSON object with every figure and ratio.")
    var json = false

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let benchmark = PipelineTrainingBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger)
        let seedFolder = seedData.hasPrefix("/") ? URL(fileURLWithPath: seedData) : environment.layout.root.appendingPathComponent(seedData)
        guard holdOutEvery >= 2 else { throw ValidationError("--hold-out-every must be at least 2") }
        let report = try await benchmark.run(
            .init(seed: seed, homes: homes, seedData: seedFolder, goal: goal, holdOutEvery: holdOutEvery))
        if json {
            try BenchJSON.print(report)
            return
        }
        print(
            "bench pipeline-training: scenario seed \(report.seed), \(report.homes) homes, \(report.records) raw records, "
                + "\(report.homeMessages) canonical home messages, fresh tansu")
        print("stage          rows/s   seconds")
        print(String(format: "relay       %10.1f   %7.2f", report.relayRowsPerSecond, report.relaySeconds))
        print(String(format: "preprocessor%10.1f   %7.2f", report.preprocessorRowsPerSecond, report.preprocessorSeconds))
        print(String(format: "ratio preprocessor/relay: %.2f", report.preprocessorOverRelay))
        print("")
        print(
            "region  homes: clean  pipeline  test   MAPE: clean all  clean same homes  clean sources  pipeline   "
                + "pipeline/sources  pipeline/same  pipeline/all  labels off  goal")
        for region in report.regions {
            print(
                region.region.rightPadded(6)
                    + String(
                        format: "  %12d  %8d  %4d   %14.2f%%  %15.2f%%  %12.2f%%  %7.2f%%   %16.3f  %13.3f  %12.3f  %9.1f%%  %@",
                        region.cleanTrainingHomes, region.pipelineTrainingHomes, region.testHomes, region.cleanMAPE * 100,
                        region.cleanSameHomesMAPE * 100, region.cleanSourcesMAPE * 100, region.pipelineMAPE * 100,
                        region.pipelineOverCleanSources, region.pipelineOverCleanSameHomes, region.pipelineOverClean,
                        region.pipelineLabelsOff * 100, (region.withinGoal ? "met" : "NOT met") as NSString))
        }
        print(
            "goal: pipeline MAPE ≤ \(report.goal) × the clean sources' model's (same homes, the true values of the facts their sources state)"
        )
        print("")
        print("inputs differing from the clean sources' (share of the pipeline's training homes, 5 % or more):")
        for region in report.regions {
            let worst = region.featuresOff.filter { $0.value >= 0.05 }.sorted { $0.value > $1.value }
            print("  \(region.region): " + worst.map { "\($0.key) \(Int(($0.value * 100).rounded()))%" }.joined(separator: ", "))
        }
    }
}
