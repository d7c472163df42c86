import ArgumentParser
import Foundation

/// `homeprice bench pipeline`: records/s from `homes.raw` to `homes.features` and predictions/s
/// from `predictions.requests` to `predictions`, each beside a do-nothing relay, and a raw
/// record's time to its home's first feature row.
struct BenchPipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract:
            "End to end: records/s raw → features (normalizer + preprocessor) and predictions/s requests → predictions (homeprice-server), each beside a relay; raw-to-feature latency p50/p99."
    )

    @Option(help: "The scenario's seed.")
    var seed: UInt64 = 42

    @Option(help: "How many homes the scenario has (each in one to three sources).")
    var homes = 1_000

    @Option(help: "How many prediction requests to time.")
    var requests = 5_000

    @Option(help: "The folder with ames.csv, saratoga.csv and windsor.csv (relative to the project root).")
    var seedData = "data"

    @Flag(help: "Print one JSON object with every figure and ratio.")
    var json = false

    func run() async throws {
        guard requests > 0 else { throw ValidationError("--requests must be positive") }
        let environment = try await CLIEnvironment.load()
        let benchmark = PipelineBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger)
        let seedFolder = seedData.hasPrefix("/") ? URL(fileURLWithPath: seedData) : environment.layout.root.appendingPathComponent(seedData)
        let report = try await benchmark.run(.init(seed: seed, homes: homes, seedData: seedFolder, requests: requests))
        if json {
            try BenchJSON.print(report)
            return
        }
        print(
            "bench pipeline: scenario seed \(report.seed), \(report.homes) homes, \(report.records) raw records (\(report.homeMessages) home messages), \(report.requests) prediction requests, fresh tansu"
        )
        print("stage                                  per second   seconds")
        print(String(format: "relay homes.raw                        %10.1f   %7.2f", report.relayRecordsPerSecond, report.relaySeconds))
        print(
            String(format: "normalizer + preprocessor (records)    %10.1f   %7.2f", report.pipelineRecordsPerSecond, report.pipelineSeconds)
        )
        print(String(format: "ratio pipeline/relay: %.2f", report.pipelineOverRelay))
        print(
            String(
                format: "raw record → first feature row of its home (%d homes, under the burst): p50 %.0f ms, p99 %.0f ms",
                report.latencyHomes, report.latencyP50Milliseconds, report.latencyP99Milliseconds))
        print(String(format: "relay predictions.requests             %10.1f", report.relayRequestsPerSecond))
        print(String(format: "homeprice-server (predictions)         %10.1f", report.serverPredictionsPerSecond))
        print(String(format: "ratio server/relay: %.2f", report.serverOverRelay))
    }
}
