import ArgumentParser
import Foundation
import NormalizerCore
import NormalizerEvaluation

/// `homeprice bench normalize`: records/s through one normalizer beside a do-nothing relay (and
/// the relay beside kcat's), and the normalizer's field accuracy and duplicate F1, on one
/// scenario and a fresh tansu.
struct BenchNormalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract:
            "Normalize a generated scenario through one normalizer beside a do-nothing relay and kcat's relay; print rates, ratios, accuracy and F1."
    )

    @Option(help: "The scenario's seed.")
    var seed: UInt64 = 42

    @Option(
        parsing: .upToNextOption,
        help: "How many homes the scenario has (each in one to three sources); several sizes run one after the other.")
    var homes = [1000]

    @Option(help: "The folder with ames.csv, saratoga.csv and windsor.csv (relative to the project root).")
    var seedData = "data"

    @Option(help: "Where the normalizers keep the warehouse: sqlite (a fresh file) or postgres (a private server started for the run).")
    var warehouse: WarehouseKind = .sqlite

    @Option(help: "How many normalizer instances share the work, in one consumer group and one warehouse.")
    var instances = 1

    @Flag(help: "Print one JSON object with every figure and ratio.")
    var json = false

    func validate() throws {
        guard (1...6).contains(instances) else {
            throw ValidationError("--instances must be 1 to 6 (homes.raw has 6 partitions), not \(instances)")
        }
    }

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let benchmark = NormalizeBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger)
        let seedFolder = seedData.hasPrefix("/") ? URL(fileURLWithPath: seedData) : environment.layout.root.appendingPathComponent(seedData)
        var reports: [NormalizeBenchmark.Report] = []
        for size in homes.sorted() {
            let report = try await benchmark.run(
                .init(seed: seed, homes: size, seedData: seedFolder, warehouse: warehouse, instances: instances))
            reports.append(report)
            // Each size's figures as soon as they are measured: a large size takes minutes.
            if !json { Self.printFigures(report) }
        }
        let sizes = NormalizeBenchmark.Sizes(runs: reports)
        if json {
            try BenchJSON.print(sizes)
            return
        }
        if let ratio = sizes.costRatioLargestOverSmallest, let smallest = reports.first, let largest = reports.last {
            print(
                String(
                    format: "per-record cost at %d homes / at %d homes: %.2f", largest.homes, smallest.homes, ratio))
        }
    }

    private static func printFigures(_ report: NormalizeBenchmark.Report) {
        print(
            "bench normalize: scenario seed \(report.seed), \(report.homes) homes, \(report.records) raw records, fresh tansu, "
                + "\(report.instances) normalizer instance(s) on \(report.warehouse) (partitions per instance at the end: "
                + "\(report.partitionsPerInstance.map(String.init).joined(separator: ", ")))")
        print("stage        records/s   seconds   µs/record")
        print(
            String(
                format: "relay       %10.1f   %7.2f   %9.1f", report.relayRecordsPerSecond, report.relaySeconds,
                1e6 / report.relayRecordsPerSecond))
        print(
            String(
                format: "normalizer  %10.1f   %7.2f   %9.1f", report.normalizerRecordsPerSecond, report.normalizerSeconds,
                report.normalizerMicrosecondsPerRecord))
        print(
            String(
                format: "streams, first output created to last: relay %.1f, kcat relay %.1f records/s; relay/kcat relay: %.2f (goal ≥ 0.5)",
                report.relayStreamRecordsPerSecond, report.kcatRelayRecordsPerSecond, report.relayOverKcatRelay))
        print(String(format: "ratio normalizer/relay: %.2f (goal ≥ 0.25)", report.normalizerOverRelay))
        if report.outputsOfRecordsProcessedTwice > 0 {
            print(
                "outputs of records processed twice (a batch in flight when its partition moved): "
                    + "\(report.outputsOfRecordsProcessedTwice), in the normalizer's time")
        }
        print(EvaluationSummary.text(report.evaluation))
    }
}
