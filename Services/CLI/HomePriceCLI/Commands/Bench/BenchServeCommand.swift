import ArgumentParser
import Foundation

/// `homeprice bench serve`: the model server beside a FastAPI + uvicorn + LightGBM reference
/// and nginx with a fixed body, all loaded by wrk; then promotions and rollbacks under load.
struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Req/s, p50/p99 and errors of the model server, a FastAPI reference, nginx and SwiftNIO alone under wrk; swaps under load.",
        discussion: "Run the release build (swift build -c release; .build/release/homeprice bench serve): it starts the "
            + "homeprice-server next to it.")

    @Option(help: "Seconds of each measured load.")
    var seconds = 10

    @Option(help: "Seconds of the load during which the champion is promoted and rolled back.")
    var swapSeconds = 30

    @Option(help: "Promote-and-rollback pairs during the swap run.")
    var swaps = 20

    @Option(help: "wrk threads.")
    var wrkThreads = 2

    @Option(help: "Folder with ames.csv (default: ../shared/data from the project root).")
    var data: String?

    @Flag(help: "Skip the FastAPI reference.")
    var skipPython = false

    @Flag(help: "Print one JSON object with every figure and ratio.")
    var json = false

    func run() async throws {
        guard seconds > 0, swapSeconds > 0, swaps > 0, wrkThreads > 0 else {
            throw ValidationError("--seconds, --swap-seconds, --swaps and --wrk-threads must be positive")
        }
        let environment = try await CLIEnvironment.load()
        let folder =
            data.map { URL(fileURLWithPath: $0) }
            ?? environment.layout.root.appendingPathComponent("../shared/data").standardizedFileURL
        let report = try await ServeBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger).run(
            .init(
                seconds: seconds, connections: [8, 64], swapSeconds: swapSeconds, swapConnections: 64, swaps: swaps,
                wrkThreads: wrkThreads, data: folder, skipPython: skipPython))
        if json {
            try BenchJSON.print(report)
            return
        }
        print("bench serve: \(report.seconds) s per load, \(report.cores) cores shared with wrk (\(report.wrkThreads) threads)")
        print("target        conns     req/s   p50 ms   p99 ms   non-2xx  socket errors")
        for load in report.loads {
            print(
                load.target.rightPadded(13)
                    + String(
                        format: " %5d %9.0f %8.2f %8.2f %9d %14d", load.connections, load.requestsPerSecond, load.p50Milliseconds,
                        load.p99Milliseconds, load.non2xx, load.socketErrors))
        }
        for (name, ratio) in report.ratios.sorted(by: { $0.key < $1.key }) { print(String(format: "%@: %.3f", name as NSString, ratio)) }
        let swap = report.swap
        print(
            String(
                format: "swaps: %d promotions, %d rollbacks over %d s at %d connections: %.0f req/s, %d non-2xx, %d socket errors, "
                    + "%d failed admin calls", swap.promotions, swap.rollbacks, swap.seconds, swap.load.connections,
                swap.load.requestsPerSecond, swap.load.non2xx, swap.load.socketErrors, swap.adminFailures))
        for (goal, met) in report.goals.sorted(by: { $0.key < $1.key }) { print("goal \(goal): \(met ? "met" : "NOT met")") }
    }
}
