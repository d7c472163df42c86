import Foundation
import Pipeline

/// One wrk run against one URL: every request POSTs the same JSON body, or GETs the URL
/// (`scripts/bench/serve_load.lua`); the figures come from the script's closing JSON line.
struct WrkLoad {
    /// What one run measured.
    struct Figures: Codable {
        /// What was loaded (`server`, `server-health`, `fastapi`, `nginx`).
        var target: String
        var connections: Int
        var requests: Int
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        /// Answers with a status of 400 or more (wrk's status errors).
        var non2xx: Int
        /// Connect, read and write errors and timeouts.
        var socketErrors: Int
        /// non2xx + socketErrors.
        var errors: Int
    }

    /// The closing line of `serve_load.lua`.
    private struct ScriptFigures: Decodable {
        var requests: Int
        var durationMicroseconds: Double
        var connectErrors: Int
        var readErrors: Int
        var writeErrors: Int
        var statusErrors: Int
        var timeouts: Int
        var p50Microseconds: Double
        var p99Microseconds: Double
    }

    /// `serve_load.lua`.
    let script: URL
    /// The JSON body every request posts.
    let body: URL
    /// wrk's threads (at most the connections).
    let threads: Int
    /// Runs wrk off the cooperative pool (a run blocks its thread for its whole duration).
    let executor = BlockingExecutor(label: "homeprice.bench.wrk")

    /// One ``run(target:url:connections:seconds:get:)`` for each of `connections`, one after the
    /// other.
    func run(target: String, url: String, connections: [Int], seconds: Int, get: Bool = false) async throws -> [Figures] {
        var figures: [Figures] = []
        for count in connections {
            figures.append(try await run(target: target, url: url, connections: count, seconds: seconds, get: get))
        }
        return figures
    }

    /// Loads `url` with `connections` connections for `seconds`, POSTing the body or, with
    /// `get`, GETting the URL.
    func run(target: String, url: String, connections: Int, seconds: Int, get: Bool = false) async throws -> Figures {
        let arguments =
            [
                "-t", "\(min(threads, connections))", "-c", "\(connections)", "-d", "\(seconds)s", "--timeout", "5s", "-s",
                script.path, url, "--", body.path,
            ] + (get ? ["GET"] : [])
        let output = try await executor.run { () throws -> Data in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                throw BenchmarkFailure(reason: "cannot start wrk (scripts/setup installs it): \(error)")
            }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw BenchmarkFailure(reason: "wrk \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
            }
            return data
        }
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let figures = try? JSONDecoder().decode(ScriptFigures.self, from: Data(line.utf8))
        else {
            throw BenchmarkFailure(reason: "wrk printed no figures for \(url): \(text.suffix(500))")
        }
        let socketErrors = figures.connectErrors + figures.readErrors + figures.writeErrors + figures.timeouts
        return Figures(
            target: target, connections: connections, requests: figures.requests,
            requestsPerSecond: Double(figures.requests) / max(figures.durationMicroseconds / 1e6, 1e-9),
            p50Milliseconds: figures.p50Microseconds / 1000, p99Milliseconds: figures.p99Microseconds / 1000,
            non2xx: figures.statusErrors, socketErrors: socketErrors, errors: figures.statusErrors + socketErrors)
    }
}
