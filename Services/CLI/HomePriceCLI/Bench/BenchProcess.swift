import Foundation
import Kafka
import ServiceSupport

/// The reference processes of the benchmarks (kcat, the Python references), run to completion.
enum BenchProcess {
    /// Runs a process to completion and returns its wall time in seconds.
    static func timed(_ executable: String, _ arguments: [String]) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        _ = try await run(executable, arguments, capture: false)
        return (clock.now - start).seconds
    }

    /// Runs a process to completion and fails unless it exits with 0; returns its standard
    /// output when `capture`, else sends it to the null device (kcat prints every payload).
    static func run(_ executable: String, _ arguments: [String], capture: Bool) async throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = capture ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = capture ? await readToEnd(output.fileHandleForReading) : Data()
        _ = await ChildProcess.waitForExit(process, timeout: .seconds(600))
        guard process.terminationStatus == 0 else {
            throw KafkaError(
                code: .queryFailed, reason: "\(executable) exited with \(process.terminationStatus)",
                input: arguments.joined(separator: " "))
        }
        return data
    }

    /// Everything `handle` gives until its end, read on a thread of its own (the read blocks).
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }
}
