import Foundation
import Testing

@testable import HomePriceCLI

@Suite("Reference processes of the benchmarks")
struct BenchProcessTests {
    @Test("a pipeline hands each process's output to the next and returns the last one's")
    func pipesOutputs() async throws {
        let output = try await BenchProcess.pipeline(
            [
                .init(executable: "/usr/bin/printf", arguments: ["b\\na\\nb\\n"]),
                .init(executable: "/usr/bin/sort", arguments: ["-u"]),
            ], capture: true)
        #expect(String(decoding: output, as: UTF8.self) == "a\nb\n")
    }

    @Test("a process that fails, or cannot start, fails the run, naming it")
    func failureIsAnError() async throws {
        let failed = await #expect(throws: (any Error).self) {
            _ = try await BenchProcess.pipeline(
                [.init(executable: "/usr/bin/true", arguments: []), .init(executable: "/usr/bin/false", arguments: [])],
                capture: false)
        }
        #expect("\(failed.map { String(describing: $0) } ?? "")".contains("/usr/bin/false"))
        let missing = await #expect(throws: BenchmarkFailure.self) {
            _ = try await BenchProcess.run("/nonexistent/kcat", [], capture: false)
        }
        #expect(missing?.reason.contains("/nonexistent/kcat") == true)
    }

    @Test("a run past its timeout kills its processes and fails, even while its output is read", .timeLimit(.minutes(1)))
    func timeoutKills() async throws {
        let seconds = "600.\(Int.random(in: 100_000...999_999))"
        let failure = await #expect(throws: BenchmarkFailure.self) {
            _ = try await BenchProcess.pipeline(
                [.init(executable: "/usr/bin/sleep", arguments: [seconds]), .init(executable: "/usr/bin/cat", arguments: [])],
                capture: true, timeout: .milliseconds(500))
        }
        #expect(failure?.reason.contains("did not finish") == true)
        #expect(!Self.isRunning(commandLine: "/usr/bin/sleep\0\(seconds)\0"))
    }

    @Test("a cancelled run kills its processes and throws CancellationError", .timeLimit(.minutes(1)))
    func cancellationKills() async throws {
        // A sleep no other process runs, to find it in /proc.
        let seconds = "600.\(Int.random(in: 100_000...999_999))"
        let run = Task {
            try await BenchProcess.pipeline(
                [.init(executable: "/usr/bin/sleep", arguments: [seconds]), .init(executable: "/usr/bin/cat", arguments: [])],
                capture: true)
        }
        // Cancelled at once: the processes start all the same and are killed when the run sees it.
        run.cancel()
        await #expect(throws: CancellationError.self) { _ = try await run.value }
        let deadline = ContinuousClock.now + .seconds(30)
        while Self.isRunning(commandLine: "/usr/bin/sleep\0\(seconds)\0"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!Self.isRunning(commandLine: "/usr/bin/sleep\0\(seconds)\0"), "the sleep was killed, not left to run for 10 minutes")
    }

    /// Whether a live process has exactly `commandLine` (arguments separated by NUL, as /proc
    /// gives them; a zombie's is empty).
    private static func isRunning(commandLine: String) -> Bool {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.contains { name in
            guard Int(name) != nil, let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self) == commandLine
        }
    }
}
