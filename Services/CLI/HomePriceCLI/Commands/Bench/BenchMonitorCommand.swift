import ArgumentParser
import Foundation

/// `homeprice bench monitor`: feature rows/s and predictions+feedback/s through the monitor
/// beside a do-nothing relay of the same messages on a fresh tansu, and the monitor's state and
/// memory after a long in-process stream.
struct BenchMonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract:
            "Feature rows, and predictions with their sale prices, through the monitor and a do-nothing relay; the monitor's state and memory after a long stream."
    )

    @Option(help: "Feature rows published to homes.features for the rate comparison.")
    var rows = 200_000

    @Option(help: "Predictions published to predictions, each with its sale price on feedback, for the second rate comparison.")
    var predictions = 100_000

    @Option(help: "Feature rows fed to the monitor core in-process for the memory figures.")
    var memoryRows = 1_000_000

    @Flag(help: "Print one JSON object with every figure and ratio.")
    var json = false

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let report = try await MonitorBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger).run(
            rows: rows, predictions: predictions, memoryRows: memoryRows)
        if json {
            try BenchJSON.print(report)
            return
        }
        print("bench monitor: \(report.rows) feature rows on homes.features, fresh tansu")
        Self.printStages(
            unit: "rows/s", relay: (report.relayRowsPerSecond, report.relaySeconds),
            monitor: (report.monitorRowsPerSecond, report.monitorSeconds), ratio: report.monitorOverRelay)
        print(
            "\(report.predictions) predictions on the predictions topic and their sale prices on feedback (\(report.predictionMessages) messages)"
        )
        Self.printStages(
            unit: "msgs/s", relay: (report.relayPredictionMessagesPerSecond, report.relayPredictionSeconds),
            monitor: (report.monitorPredictionMessagesPerSecond, report.monitorPredictionSeconds), ratio: report.monitorOverRelayPredictions
        )
        print(
            "joined: \(report.joinedPredictions) predictions; live MAPE champion \(Self.percent(report.championLiveMAPE)), challenger \(Self.percent(report.challengerLiveMAPE)); A/B verdict \(report.abVerdict)"
        )
        print(String(format: "core alone: %.0f rows/s over %d rows", report.coreRowsPerSecond, report.memoryRows))
        print("state values: \(report.stateValuesAtTenth) at a tenth of the stream, \(report.stateValuesAtEnd) at its end")
        print(
            String(format: "resident memory: %.1f MiB at a tenth, %.1f MiB at the end", report.residentMiBAtTenth, report.residentMiBAtEnd))
    }

    /// The relay's and the monitor's rate and seconds, and the ratio of the rates.
    private static func printStages(
        unit: String, relay: (rate: Double, seconds: Double), monitor: (rate: Double, seconds: Double), ratio: Double
    ) {
        print("stage     \(unit)   seconds")
        print(String(format: "relay   %9.0f   %7.2f", relay.rate, relay.seconds))
        print(String(format: "monitor %9.0f   %7.2f", monitor.rate, monitor.seconds))
        print(String(format: "ratio monitor/relay: %.2f", ratio))
    }

    private static func percent(_ fraction: Double?) -> String {
        fraction.map { String(format: "%.1f %%", 100 * $0) } ?? "none"
    }
}
