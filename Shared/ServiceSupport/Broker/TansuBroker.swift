import Foundation
import Kafka
import Synchronization

/// A tansu broker (memory storage) on 127.0.0.1, run as a child process under a
/// ``Watchdog``.
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
        // tansu holds nothing worth saving (memory storage), so it gets SIGKILL.
        let started = try Watchdog.start(
            [
                binary.path, "broker",
                "--listener-url", "tcp://127.0.0.1:\(port)",
                "--advertised-listener-url", "tcp://127.0.0.1:\(port)",
                "--storage-engine", "memory://tansu/",
            ],
            signal: "KILL",
            output: try LogFile.appendingHandle(logFile)
        )
        let broker = TansuBroker(process: started.process, lifeline: started.lifeline, port: port)
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
        return await Watchdog.stop(running, lifeline: lifeline)
    }

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
