import Configuration
import Features
import Foundation
import Kafka
import Logging
import ModelRegistry
import Pipeline
import Schema
import ServiceSupport
import TrainerCore

/// `homeprice bench serve`: requests per second, latency and errors of the model server
/// (`homeprice-server` of the same build, on a fresh tansu, serving a model trained in the
/// benchmark from the Ames sales) beside a FastAPI + uvicorn + LightGBM reference
/// (`scripts/bench/serve_reference.py`) and nginx answering a fixed JSON body (the server's
/// own answer), each loaded by wrk with the same Ames home in the same POST, at every given
/// number of connections. The server's `GET /health` under the same load is the floor of its
/// HTTP stack (Hummingbird, NIO, the middleware, a small JSON answer): what a request costs
/// before any prediction work; SwiftNIO alone answering nginx's fixed body from a channel
/// handler (``FixedAnswerServer``) is the floor below it. Then a longer run against the server
/// while the champion is promoted and rolled back through `/admin`, counting answers other
/// than 2xx.
///
/// Every process runs on this machine at once with wrk; uvicorn and nginx get one worker
/// process per core, as the server runs one event loop per core.
struct ServeBenchmark {
    struct Options {
        /// The length of each measured load.
        var seconds: Int
        var connections: [Int]
        /// The swap run: its length, connections and promote-plus-rollback pairs.
        var swapSeconds: Int
        var swapConnections: Int
        var swaps: Int
        var wrkThreads: Int
        /// The folder with ames.csv.
        var data: URL
        var skipPython: Bool
    }

    /// The promote-and-roll-back run.
    struct SwapRun: Codable {
        var seconds: Int
        var promotions: Int
        var rollbacks: Int
        /// Admin calls that did not answer 2xx.
        var adminFailures: Int
        /// The prediction load during the swaps; its `non2xx` is the figure the goal is about.
        var load: WrkLoad.Figures
    }

    struct Report: Codable {
        var seconds: Int
        var cores: Int
        var wrkThreads: Int
        var processWorkers: Int
        var loads: [WrkLoad.Figures]
        /// `server/fastapi@64`: the server's req/s over the reference's; `p99 server/nginx@64`:
        /// the server's p99 latency over nginx's; `server-health/nginx@64`: the HTTP stack's
        /// floor over nginx; `server/server-health@64`: the share of the floor a prediction keeps;
        /// `nio/nginx@64`: SwiftNIO's own ceiling here (``FixedAnswerServer``) over nginx;
        /// `server/nio@64`: the server's share of it.
        var ratios: [String: Double]
        var swap: SwapRun
        /// Each goal of issue #10 and whether this run met it.
        var goals: [String: Bool]
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    private static let region = BenchServer.region
    private static let adminToken = BenchServer.adminToken

    private var server: BenchServer { BenchServer(layout: layout, logger: logger) }

    func run(_ options: Options) async throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("bench-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let ames = options.data.appendingPathComponent("ames.csv")
        let homes = try RealSales.ames(file: ames)
        let events = try await server.trainModels(homes: homes, workspace: workspace, benchmark: "serve")
        let body = workspace.appendingPathComponent("body.json")
        try requestBody(homes[0]).write(to: body)
        let wrk = WrkLoad(
            script: layout.root.appendingPathComponent("scripts/bench/serve_load.lua"), body: body, threads: options.wrkThreads)
        let cores = ProcessInfo.processInfo.activeProcessorCount

        var loads: [WrkLoad.Figures] = []
        let (answer, swap) = try await BenchBroker.run(
            layout: layout, kafka: kafka, logFile: workspace.appendingPathComponent("tansu.log")
        ) { settings in
            try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-serve-registry"), logger: logger) {
                _ = try await $0.send(try events.map { try KafkaProducerMessage($0) })
            }
            return try await server.withProcess(
                server.serverCommand(bootstrap: settings.client.bootstrapServers, workspace: workspace), name: "homeprice-server",
                workspace: workspace
            ) { port in
                let url = "http://127.0.0.1:\(port)"
                let answer = try await BenchHTTP.send("POST", "\(url)/v1/predictions", body: try Data(contentsOf: body))
                guard answer.status == 200 else {
                    throw BenchmarkFailure(reason: "the server answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))")
                }
                loads += try await wrk.run(
                    target: "server", url: "\(url)/v1/predictions", connections: options.connections, seconds: options.seconds)
                loads += try await wrk.run(
                    target: "server-health", url: "\(url)/health", connections: options.connections, seconds: options.seconds, get: true)
                return (answer.body, try await swapRun(url: url, wrk: wrk, options: options))
            }
        }

        if !options.skipPython {
            let python = layout.virtualEnvironment.appendingPathComponent("bin/python").path
            let script = layout.root.appendingPathComponent("scripts/bench/serve_reference.py").path
            try await server.withProcess(
                { port in (python, [script, "--csv", ames.path, "--port", "\(port)", "--workers", "\(cores)"], [:], "/health") },
                name: "the FastAPI reference", workspace: workspace
            ) { port in
                loads += try await wrk.run(
                    target: "fastapi", url: "http://127.0.0.1:\(port)/v1/predictions", connections: options.connections,
                    seconds: options.seconds)
            }
        }

        let nginx = workspace.appendingPathComponent("nginx")
        try await server.withProcess(
            { port in
                try NginxReference.prepare(folder: nginx, port: port, workers: cores, body: answer)
                return ("/usr/sbin/nginx", ["-p", nginx.path, "-c", "nginx.conf", "-e", "error.log"], [:], "/health")
            }, name: "nginx", workspace: workspace
        ) { port in
            loads += try await wrk.run(
                target: "nginx", url: "http://127.0.0.1:\(port)/v1/predictions", connections: options.connections,
                seconds: options.seconds)
        }
        try await loadFixedAnswer(answer, wrk: wrk, cores: cores, options: options, workspace: workspace, into: &loads)
        return report(loads: loads, swap: swap, cores: cores, options: options)
    }

    /// Loads ``FixedAnswerServer`` (`homeprice bench fixed-answer`, a process of its own with
    /// one event loop per core) answering `answer` as nginx does: the rate SwiftNIO itself
    /// reaches on this machine, with no work per request.
    private func loadFixedAnswer(
        _ answer: Data, wrk: WrkLoad, cores: Int, options: Options, workspace: URL, into loads: inout [WrkLoad.Figures]
    ) async throws {
        guard let homeprice = ServiceCommandResolver.resolve("homeprice", layout: layout) else {
            throw BenchmarkFailure(reason: "homeprice is not found next to the running one or on PATH")
        }
        let file = workspace.appendingPathComponent("answer.json")
        try answer.write(to: file)
        try await server.withProcess(
            { port in
                (
                    homeprice.path,
                    ["bench", "fixed-answer", "--port", "\(port)", "--body", file.path, "--threads", "\(cores)"], [:], "/health"
                )
            }, name: "the NIO reference", workspace: workspace
        ) { port in
            loads += try await wrk.run(
                target: "nio", url: "http://127.0.0.1:\(port)/v1/predictions", connections: options.connections,
                seconds: options.seconds)
        }
    }

    /// `{"clientId": ..., "home": {...}}`: one Ames home as canonical features.
    private func requestBody(_ home: Home) throws -> Data {
        struct Body: Encodable {
            var clientId: String
            var home: HomeFeatures
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Body(clientId: "bench-client", home: home.features))
    }

    // MARK: Swaps

    /// Loads the server for the swap run's length while promoting version 2 and rolling back
    /// to version 1 `swaps` times, evenly spread over the run.
    private func swapRun(url: String, wrk: WrkLoad, options: Options) async throws -> SwapRun {
        async let load = wrk.run(
            target: "server-swaps", url: "\(url)/v1/predictions", connections: options.swapConnections, seconds: options.swapSeconds)
        let pause = Duration.milliseconds(options.swapSeconds * 1000 / (2 * options.swaps + 1))
        let headers = ["Authorization": "Bearer \(Self.adminToken)"]
        var promotions = 0, rollbacks = 0, failures = 0
        for _ in 0..<options.swaps {
            try await Task.sleep(for: pause)
            let promoted = try await BenchHTTP.send(
                "POST", "\(url)/admin/promote", body: Data("{\"region\":\"\(Self.region)\",\"version\":\"2\"}".utf8), headers: headers)
            if (200..<300).contains(promoted.status) { promotions += 1 } else { failures += 1 }
            try await Task.sleep(for: pause)
            let rolledBack = try await BenchHTTP.send(
                "POST", "\(url)/admin/rollback", body: Data("{\"region\":\"\(Self.region)\"}".utf8), headers: headers)
            if (200..<300).contains(rolledBack.status) { rollbacks += 1 } else { failures += 1 }
        }
        return SwapRun(
            seconds: options.swapSeconds, promotions: promotions, rollbacks: rollbacks, adminFailures: failures, load: try await load)
    }

    // MARK: Report

    private func report(loads: [WrkLoad.Figures], swap: SwapRun, cores: Int, options: Options) -> Report {
        func figures(_ target: String, _ connections: Int) -> WrkLoad.Figures? {
            loads.first { $0.target == target && $0.connections == connections }
        }
        var ratios: [String: Double] = [:]
        var goals: [String: Bool] = [:]
        for connections in options.connections {
            guard let server = figures("server", connections) else { continue }
            if let fastAPI = figures("fastapi", connections) {
                ratios["server/fastapi@\(connections)"] = server.requestsPerSecond / fastAPI.requestsPerSecond
                goals["server >= 10x fastapi req/s @\(connections)"] = server.requestsPerSecond >= 10 * fastAPI.requestsPerSecond
            }
            if let health = figures("server-health", connections) {
                ratios["server/server-health@\(connections)"] = server.requestsPerSecond / health.requestsPerSecond
                if let nginx = figures("nginx", connections) {
                    ratios["server-health/nginx@\(connections)"] = health.requestsPerSecond / nginx.requestsPerSecond
                }
            }
            if let nio = figures("nio", connections) {
                ratios["server/nio@\(connections)"] = server.requestsPerSecond / nio.requestsPerSecond
                if let nginx = figures("nginx", connections) {
                    ratios["nio/nginx@\(connections)"] = nio.requestsPerSecond / nginx.requestsPerSecond
                }
            }
            if let nginx = figures("nginx", connections) {
                ratios["server/nginx@\(connections)"] = server.requestsPerSecond / nginx.requestsPerSecond
                ratios["p99 server/nginx@\(connections)"] = server.p99Milliseconds / nginx.p99Milliseconds
                goals["server >= 0.3x nginx req/s @\(connections)"] = server.requestsPerSecond >= 0.3 * nginx.requestsPerSecond
            }
        }
        if let server = figures("server", 64) {
            goals["zero errors @64"] = server.errors == 0
            if let nginx = figures("nginx", 64) { goals["p99 @64 <= 3x nginx"] = server.p99Milliseconds <= 3 * nginx.p99Milliseconds }
        }
        goals["zero non-2xx during swaps"] = swap.load.errors == 0 && swap.adminFailures == 0
        return Report(
            seconds: options.seconds, cores: cores, wrkThreads: options.wrkThreads, processWorkers: cores, loads: loads, ratios: ratios,
            swap: swap, goals: goals)
    }
}
