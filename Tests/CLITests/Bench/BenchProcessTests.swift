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

    @Test("a process that fails fails the run, naming it")
    func failureIsAnError() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await BenchProcess.pipeline(
                [.init(executable: "/usr/bin/printf", arguments: ["x"]), .init(executable: "/usr/bin/false", arguments: [])],
                capture: false)
        }
        await #expect(throws: BenchmarkFailure.self) {
            _ = try await BenchProcess.run("/nonexistent/kcat", [], capture: false)
        }
    }

    @Test("a cancelled run kills its processes and throws at once")
    func cancellationKills() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let run = Task {
            try await BenchProcess.pipeline(
                [.init(executable: "/usr/bin/sleep", arguments: ["60"]), .init(executable: "/usr/bin/cat", arguments: [])],
                capture: true)
        }
        // Cancelled at once: the processes start all the same and are killed when the run sees it.
        run.cancel()
        await #expect(throws: CancellationError.self) { _ = try await run.value }
        #expect(clock.now - start < .seconds(30), "the sleeping process was killed, not waited for")
    }
}
