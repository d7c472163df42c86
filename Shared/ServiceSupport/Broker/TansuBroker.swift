import Foundation
import Kafka
import Synchronization

/// A tansu broker (memory storage) on 127.0.0.1, run as a child process.
///
/// Each local run and each test suite starts its own: tansu never deletes anything, so a
/// fresh broker keeps fetches cheap, and a restart loses everything anyway.
public final class TansuBroker: Sendable {
    /// `127.0.0.1:port`, for `bootstrap.servers`.
    public let bootstrapServers: String
    /// The broker's port.
    public let port: Int
    private let process: Mutex<Process?>
    /// The write end of the watchdog's standard input; closing it stops the broker.
    private let lifeline: FileHandle

    private init(process: Process, lifeline: FileHandle, port: Int) {
        self.process = Mutex(process)
        self.lifeline = lifeline
        self.port = port
        self.bootstrapServers = "127.0.0.1:\(port)"
    }

    deinit {
        try? lifeline.close()
    }

    /// Starts tansu on `port` (a free one when `nil`), writing its output to `logFile`, and
    /// returns once it answers a metadata request, or throws after `timeout`.
    public static func start(
        layout: ProjectLayout,
        port: Int? = nil,
        logFile: URL? = nil,
        timeout: Duration = .seconds(15)
    ) async throws(ServiceSupportError) -> TansuBroker {
        guard let binary = layout.tansuBinary else {
            throw ServiceSupportError(
                code: .brokerMissing,
                reason: "tansu is not installed; run scripts/setup",
                input: layout.virtualEnvironment.path
            )
        }
        let port = port ?? LocalPort.free()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", watchdogScript, "tansu-watchdog",
            binary.path, "broker",
            "--listener-url", "tcp://127.0.0.1:\(port)",
            "--advertised-listener-url", "tcp://127.0.0.1:\(port)",
            "--storage-engine", "memory://tansu/",
        ]
        let output = try LogFile.appendingHandle(logFile)
        let lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw ServiceSupportError(code: .processFailed, reason: "\(error)", input: binary.path)
        }
        let broker = TansuBroker(process: process, lifeline: lifeline.fileHandleForWriting, port: port)
        try await broker.waitUntilReady(timeout: timeout)
        return broker
    }

    /// The process id of the broker's watchdog shell, while it runs.
    public var processIdentifier: Int32? {
        process.withLock { process in process.flatMap { $0.isRunning ? $0.processIdentifier : nil } }
    }

    /// The process id of tansu itself (the watchdog's first child) while it is alive; `nil` once
    /// it has exited — crashed or killed — even while the watchdog still runs.
    public var brokerProcessIdentifier: Int32? {
        guard let watchdog = processIdentifier, let broker = ProcessLiveness.children(of: watchdog).first,
            ProcessLiveness.isAlive(broker)
        else { return nil }
        return broker
    }

    /// Stops the broker and waits for it to exit.
    /// - Returns: Whether the watchdog stopped the broker and exited on its own within 5 s
    ///   (otherwise it was terminated); `true` when the broker was already stopped.
    @discardableResult
    public func stop() async -> Bool {
        guard
            let running = process.withLock({ process -> Process? in
                defer { process = nil }
                return process
            })
        else { return true }
        try? lifeline.close()
        if await ChildProcess.waitForExit(running, timeout: .seconds(5)) { return true }
        await ChildProcess.terminate(running, grace: .seconds(1))
        return false
    }

    /// A shell wrapper that runs the broker until its standard input reaches end of file:
    /// when ``stop()`` closes the pipe, or when this process dies and the kernel closes it, so
    /// a killed test run or CLI leaves no broker behind. Signals are not used: a child started
    /// from a thread that blocks SIGTERM inherits the block. tansu holds nothing worth saving
    /// (memory storage), so it gets SIGKILL.
    ///
    /// The shell then polls until tansu is gone (no longer in /proc, or a zombie: its sockets
    /// are closed) rather than `wait`ing: it inherits its parent's blocked SIGCHLD, and dash's
    /// `wait` sleeps until a SIGCHLD that never comes — the watchdog hung, and every stop took
    /// the 5 s timeout plus a kill. Its exit hands the zombie to init, which reaps it.
    private static let watchdogScript = """
        "$@" </dev/null & broker=$!
        read ignored
        kill -9 $broker 2>/dev/null
        while [ -e /proc/$broker ] && [ "$(cut -d' ' -f3 /proc/$broker/stat 2>/dev/null)" != Z ]; do sleep 0.02; done
        """

    /// Waits until the broker accepts connections and answers metadata.
    private func waitUntilReady(timeout: Duration) async throws(ServiceSupportError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            guard process.withLock({ $0?.isRunning ?? false }) else {
                throw ServiceSupportError(code: .brokerUnavailable, reason: "tansu exited at start", input: bootstrapServers)
            }
            if LocalPort.isAccepting(port),
                let admin = try? KafkaAdmin(
                    configuration: KafkaClientConfiguration(bootstrapServers: bootstrapServers, clientId: "homeprice-probe"),
                    timeout: .seconds(5)
                ),
                (try? await admin.brokers())?.isEmpty == false
            {
                return
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        await stop()
        throw ServiceSupportError(code: .brokerUnavailable, reason: "tansu did not answer within \(timeout)", input: bootstrapServers)
    }
}
