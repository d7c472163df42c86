import ArgumentParser
import Foundation

/// `homeprice bench monitor`: feature rows/s through the monitor beside a do-nothing relay on a
/// fresh tansu, and the monitor's state and memory after a long in-process stream.
struct BenchMonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Feature rows through the monitor and a do-nothing relay; the monitor's state and memory after a long stream.")

    @Option(help: "Feature rows published to homes.features for the rate comparison.")
    var rows = 200_000

    @Option(help: "Feature rows fed to the monitor core in-process for the memory figures.")
    var memoryRows = 1_000_000

    @Flag(help: "Print one JSON object with every figure and ratio.")
    var json = false

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let report = try await MonitorBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger).run(
            rows: rows, memoryRows: memoryRows)
        if json {
            try BenchJSON.print(report)
            return
        }
        print("bench monitor: \(report.rows) feature rows on homes.features, fresh tansu")
        print("stage     rows/s   seconds")
        print(String(format: "relay   %9.0f   %7.2f", report.relayRowsPerSecond, report.relaySeconds))
        print(String(format: "monitor %9.0f   %7.2f", report.monitorRowsPerSecond, report.monitorSeconds))
        print(String(format: "ratio monitor/relay: %.2f", report.monitorOverRelay))
        print(String(format: "core alone: %.0f rows/s over %d rows", report.coreRowsPerSecond, report.memoryRows))
        print("state values: \(report.stateValuesAtTenth) at a tenth of the stream, \(report.stateValuesAtEnd) at its end")
        print(
            String(format: "resident memory: %.1f MiB at a tenth, %.1f MiB at the end", report.residentMiBAtTenth, report.residentMiBAtEnd))
    }
}
