import Foundation
import TestSupport
import Testing

@testable import ServiceSupport

@Suite("Starting a local server in a cancelled task")
struct CancelledServerStartTests {
    /// The processes whose command line names `text`.
    private static func processes(naming text: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { id in
            guard Int(id) != nil, let line = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return false }
            return String(decoding: line.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(text)
        }
    }

    @Test("tansu: the start throws at once instead of waiting for the broker, and no tansu is left on its port")
    func tansu() async throws {
        let port = LocalPort.free()
        let start = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await TansuBroker.start(layout: TestProject.layout, port: port, timeout: .seconds(600))
        }
        let error = await #expect(throws: ServiceSupportError.self) { _ = try await start.value }
        #expect(error?.code == .brokerUnavailable)
        #expect(error?.reason.contains("cancelled") == true, "\(String(describing: error))")
        #expect(Self.processes(naming: "tcp://127.0.0.1:\(port)").isEmpty, "the broker was stopped")
    }

    @Test(
        "a start cancelled while its readiness probe runs stops the server and throws, even when the probe then finds it ready (a slow probe on a loaded machine)"
    )
    func cancelledDuringProbe() async throws {
        // A sleep no other process runs, to find it in /proc.
        let seconds = "600.\(Int.random(in: 100_000...999_999))"
        let started = try Watchdog.start(["/usr/bin/sleep", seconds], signal: "KILL", output: nil)
        let wait = Task {
            try await started.waitUntilReady("sleep", input: "test", timeout: .seconds(60)) {
                withUnsafeCurrentTask { $0?.cancel() }
                return true
            }
        }
        let error = await #expect(throws: ServiceSupportError.self) { try await wait.value }
        #expect(error?.reason.contains("cancelled") == true, "\(String(describing: error))")
        #expect(!started.isRunning, "the watchdog was stopped")
        #expect(Self.processes(naming: "sleep \(seconds)").isEmpty, "the server was stopped")
    }

    @Test("PostgreSQL: the start throws at once instead of waiting for the server")
    func postgres() async throws {
        let start = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await PostgresServer.start(timeout: .seconds(600))
        }
        let error = await #expect(throws: ServiceSupportError.self) { _ = try await start.value }
        #expect(error?.code == .brokerUnavailable)
        #expect(error?.reason.contains("cancelled") == true, "\(String(describing: error))")
    }
}
