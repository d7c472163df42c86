import Foundation
import Kafka
import ServiceSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The reference processes of the benchmarks (kcat, the Python references), run to completion.
enum BenchProcess {
    /// A program and its arguments.
    struct Command: Sendable {
        var executable: String
        var arguments: [String]
    }

    /// How long a reference process may run.
    static let timeout: Duration = .seconds(600)

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
        try await pipeline([Command(executable: executable, arguments: arguments)], capture: capture)
    }

    /// Runs `commands` with each one's standard output piped into the next one's standard
    /// input, until every one exits, and fails unless each exits with 0; returns the last one's
    /// output when `capture`. At `timeout` (by default ``timeout``) every process still running
    /// is stopped and the run fails; a cancelled run kills them and throws `CancellationError`.
    static func pipeline(_ commands: [Command], capture: Bool, timeout: Duration = timeout) async throws -> Data {
        var processes: [Process] = []
        var previous: Pipe?
        let output = Pipe()
        for (index, command) in commands.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command.executable)
            process.arguments = command.arguments
            if let previous { process.standardInput = previous }
            if index < commands.count - 1 {
                let pipe = Pipe()
                process.standardOutput = pipe
                previous = pipe
            } else {
                process.standardOutput = capture ? output : FileHandle.nullDevice
            }
            process.standardError = FileHandle.nullDevice
            processes.append(process)
        }
        do {
            for process in processes { try process.run() }
        } catch {
            await stop(processes)
            throw BenchmarkFailure(reason: "cannot start \(commands.map(\.executable).joined(separator: " | ")): \(error)")
        }
        // A cancelled run kills its processes and throws CancellationError.
        let identifiers = processes.map(\.processIdentifier)
        let killAll = { @Sendable in for identifier in identifiers { signal(identifier, SIGKILL) } }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        // The read ends when the processes close their output; at the deadline they are killed,
        // which closes it.
        let watchdog = Task {
            try await Task.sleep(until: deadline)
            killAll()
        }
        let data = await withTaskCancellationHandler {
            capture ? await readToEnd(output.fileHandleForReading) : Data()
        } onCancel: {
            killAll()
        }
        watchdog.cancel()
        for (process, command) in zip(processes, commands) {
            let exited = await withTaskCancellationHandler {
                await ChildProcess.waitForExit(process, timeout: deadline - ContinuousClock.now)
            } onCancel: {
                killAll()
            }
            // Cancelled, perhaps after this process ended: the later ones may still run.
            if Task.isCancelled {
                killAll()
                throw CancellationError()
            }
            guard exited, ContinuousClock.now < deadline else {
                await stop(processes)
                throw BenchmarkFailure(reason: "\(command.executable) did not finish in \(timeout)")
            }
            guard process.terminationStatus == 0 else {
                await stop(processes)
                throw KafkaError(
                    code: .queryFailed, reason: "\(command.executable) exited with \(process.terminationStatus)",
                    input: command.arguments.joined(separator: " "))
            }
        }
        return data
    }

    /// Sends `number` to process `identifier`.
    private static func signal(_ identifier: Int32, _ number: Int32) {
        _ = kill(identifier, number)
    }

    private static func stop(_ processes: [Process]) async {
        for process in processes where process.isRunning {
            await ChildProcess.terminate(process, grace: .seconds(2))
        }
    }

    /// Everything `handle` gives until its end, read on a thread of its own (the read blocks).
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }
}
