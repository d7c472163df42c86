import Foundation
import ServiceSupport
import Synchronization

/// The `homeprice` executable run as a real process, as a user would run it.
public final class HomepriceProcess: Sendable {
    /// The process id.
    public let pid: Int32
    private let process: Mutex<Process>
    private let captured = CapturedOutput()
    /// The output pipes, kept open for as long as their handlers may run.
    private let pipes: [Pipe]

    /// What the process printed, filled by the pipes' handlers.
    private final class CapturedOutput: Sendable {
        let lines = Mutex<[String]>([])
        let partialLine = Mutex("")
        let errors = Mutex("")
        /// The line count at which the process is SIGKILLed, and its pid
        /// (``HomepriceProcess/kill(afterLines:)``).
        let killOrder = Mutex<(lines: Int, pid: Int32)?>(nil)
        /// How many of the two output pipes have not reached end of file.
        let openPipes = Mutex(2)

        /// Notes that a pipe reached end of file; at the output's, its last line without a
        /// line end is complete too.
        func closed(output: Bool) {
            if output {
                let last = partialLine.withLock { buffer in
                    defer { buffer = "" }
                    return buffer
                }
                if !last.isEmpty { lines.withLock { $0.append(last) } }
            }
            openPipes.withLock { $0 -= 1 }
        }

        /// Whether both pipes reached end of file: everything printed is read.
        var isComplete: Bool { openPipes.withLock { $0 == 0 } }

        func append(_ text: String) {
            let count = partialLine.withLock { buffer in
                buffer += text
                var complete = buffer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                buffer = complete.removeLast()
                return lines.withLock { lines in
                    lines.append(contentsOf: complete)
                    return lines.count
                }
            }
            killIfDue(linesPrinted: count)
        }

        /// Carries out the kill order once `linesPrinted` reaches its count.
        func killIfDue(linesPrinted: Int) {
            killOrder.withLock { order in
                guard let due = order, linesPrinted >= due.lines else { return }
                _ = Glibc.kill(due.pid, SIGKILL)
                order = nil
            }
        }
    }

    /// Starts `homeprice arguments…` (or another built `executable` of the package) in the
    /// project root with `environment` added.
    public init(_ arguments: [String], environment: [String: String] = [:], executable: URL = TestProject.homepriceExecutable) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = TestProject.layout.root
        // Without the test run's LD_LIBRARY_PATH, as a user runs it: homeprice must find the
        // newer librdkafka by itself.
        var inherited = ProcessInfo.processInfo.environment
        inherited["LD_LIBRARY_PATH"] = nil
        inherited["KAFKA_LOCAL_BROKER_START_TIMEOUT_SECONDS"] = String(TestProject.brokerStartTimeout.components.seconds)
        // `up` waits for the broker's start, then the topics and services: a bound that only
        // catches a hang, above the broker's (a CI run of every suite at once took more than
        // the 60 s `up` allowed then).
        inherited["SUPERVISOR_READY_TIMEOUT_SECONDS"] = String((TestProject.brokerStartTimeout + .seconds(120)).components.seconds)
        process.environment = inherited.merging(environment) { _, added in added }
        let output = Pipe()
        let errorOutput = Pipe()
        process.standardOutput = output
        process.standardError = errorOutput
        process.standardInput = FileHandle.nullDevice
        let captured = captured
        // A handler is removed at end of file, before the pipe can be closed under it.
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                captured.closed(output: true)
                return
            }
            captured.append(String(decoding: data, as: UTF8.self))
        }
        errorOutput.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                captured.closed(output: false)
                return
            }
            captured.errors.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        pid = process.processIdentifier
        self.process = Mutex(process)
        pipes = [output, errorOutput]
    }

    /// A process still running when its test lets go of it (a test that failed or threw before
    /// stopping it) is killed, so a failed test does not leave it running under the next ones.
    /// SIGKILL does not reach a supervisor's children; tests of `homeprice up` stop the cluster
    /// with `homeprice down`.
    deinit {
        if process.withLock({ $0.isRunning }) { kill() }
    }

    /// The complete lines printed so far.
    public var output: [String] { captured.lines.withLock { $0 } }

    /// What it printed on standard error so far.
    public var errorOutput: String { captured.errors.withLock { $0 } }

    /// Waits until at least `count` lines were printed.
    /// - Throws: ``ExitedEarly`` as soon as the process has exited and its output is read
    ///   with fewer lines; ``DeadlineExceeded`` after `timeout`.
    public func waitForLines(_ count: Int, timeout: Duration) async throws -> [String] {
        try await withDeadline(timeout, waitingFor: "\(count) lines from homeprice") {
            while self.output.count < count {
                if let status = self.exitStatus, self.captured.isComplete, self.output.count < count {
                    throw ExitedEarly(status: status, lines: self.output.count, expected: count, errors: self.errorOutput)
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            return self.output
        }
    }

    /// The process exited before printing the lines a test waited for.
    public struct ExitedEarly: Error, CustomStringConvertible {
        /// Its exit status.
        public let status: Int32
        /// How many lines it printed, and how many were awaited.
        public let lines: Int, expected: Int
        /// What it printed on standard error.
        public let errors: String

        public var description: String {
            "homeprice exited with status \(status) after \(lines) of \(expected) lines: \(errors.suffix(2_000))"
        }
    }

    /// Waits for the process to exit and for what it printed to be read, and returns its
    /// status. A pipe still open 5 s after the exit (a child of the process holding it) is not
    /// waited for.
    public func waitForExit(timeout: Duration) async throws -> Int32 {
        try await withDeadline(timeout, waitingFor: "homeprice to exit") {
            while self.process.withLock({ $0.isRunning }) { try await Task.sleep(for: .milliseconds(20)) }
            let exited = ContinuousClock.now
            while !self.captured.isComplete, ContinuousClock.now - exited < .seconds(5) {
                try await Task.sleep(for: .milliseconds(10))
            }
            return self.process.withLock { $0.terminationStatus }
        }
    }

    /// The exit status once the process has exited; `nil` while it runs.
    public var exitStatus: Int32? {
        process.withLock { $0.isRunning ? nil : $0.terminationStatus }
    }

    /// Kills the process with SIGKILL, as a crash would.
    public func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Kills the process with SIGKILL the moment it has printed `count` lines, from the thread
    /// that reads its output: a busy test run cannot let it print on to the end first, and the
    /// pipe's capacity bounds how far ahead of the reader it can be.
    public func kill(afterLines count: Int) {
        captured.killOrder.withLock { $0 = (count, pid) }
        captured.killIfDue(linesPrinted: output.count)
    }

    /// Kills the process with SIGKILL the moment `file` exists, as a crash at that point would
    /// (``kill(when:every:waitingFor:timeout:)``).
    public func kill(whenExists file: URL, timeout: Duration) async throws {
        try await kill(when: { FileManager.default.fileExists(atPath: file.path) }, waitingFor: file.path, timeout: timeout)
    }

    /// Kills the process with SIGKILL the moment `condition` holds, as a crash at that point
    /// would. A thread of its own checks it, every `interval`: a test run whose cooperative
    /// threads are busy (training in other tests) cannot let the process run on past the moment
    /// it was meant to die.
    /// - Throws: ``DeadlineExceeded`` naming `what` when `timeout` passes, or the process exits,
    ///   before `condition` holds; `CancellationError` when the awaiting task is cancelled first
    ///   (the process is left running).
    public func kill(
        when condition: @escaping @Sendable () -> Bool, every interval: Duration = .milliseconds(1), waitingFor what: String,
        timeout: Duration
    ) async throws {
        let cancelled = CancellationMark()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let deadline = ContinuousClock.now + timeout
                let watcher = Thread { [self] in
                    while !condition() {
                        guard !cancelled.isSet else {
                            continuation.resume(throwing: CancellationError())
                            return
                        }
                        guard process.withLock({ $0.isRunning }), ContinuousClock.now < deadline else {
                            continuation.resume(throwing: DeadlineExceeded(what: "\(what) while the process ran", timeout: timeout))
                            return
                        }
                        usleep(useconds_t(interval / .microseconds(1)))
                    }
                    kill()
                    continuation.resume()
                }
                watcher.start()
            }
        } onCancel: {
            cancelled.set()
        }
    }

    /// Asks the process to shut down gracefully with SIGTERM.
    public func terminate() {
        _ = Glibc.kill(pid, SIGTERM)
    }

    /// Runs `homeprice arguments…` to completion and returns its status and output.
    public static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        timeout: Duration = .seconds(120)
    ) async throws -> (status: Int32, output: [String], errors: String) {
        let process = try HomepriceProcess(arguments, environment: environment)
        let status = try await process.waitForExit(timeout: timeout)
        return (status, process.output, process.errorOutput)
    }
}

/// Set once the task awaiting ``HomepriceProcess/kill(when:every:waitingFor:timeout:)`` is cancelled;
/// its watcher thread reads it between polls.
private final class CancellationMark: Sendable {
    private let value = Atomic(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}
