import Foundation
import Kafka

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
    private let watchdog: Watchdog.Started

    private init(watchdog: Watchdog.Started, port: Int) {
        self.watchdog = watchdog
        self.port = port
        self.bootstrapServers = "127.0.0.1:\(port)"
    }

    /// Starts tansu on `port` (a free one when `nil`), writing its output to `logFile`, and
    /// returns once it listens on the port itself and answers a metadata request; throws
    /// ``ServiceSupportError/Code/brokerUnavailable`` (and stops it, the end of `logFile` in
    /// its reason) after `timeout`, when it exits, or when the task is cancelled. On a free
    /// port it picked, a tansu that exits at start (another process took the port between the
    /// pick and the bind) is started again on another, twice at most.
    public static func start(
        layout: ProjectLayout,
        port: Int? = nil,
        logFile: URL? = nil,
        timeout: Duration
    ) async throws(ServiceSupportError) -> TansuBroker {
        guard let binary = layout.tansuBinary else {
            throw ServiceSupportError(
                code: .brokerMissing,
                reason: "tansu is not installed; run scripts/setup",
                input: layout.virtualEnvironment.path
            )
        }
        var attempt = 1
        while true {
            do {
                return try await start(binary: binary, port: port ?? LocalPort.free(), logFile: logFile, timeout: timeout)
            } catch  where port == nil && attempt < 3 && error.reason.hasPrefix(Watchdog.exitedAtStart("tansu")) && !Task.isCancelled {
                attempt += 1
            }
        }
    }

    /// One start of `binary` on `port` (see ``start(layout:port:logFile:timeout:)``).
    private static func start(
        binary: URL, port: Int, logFile: URL?, timeout: Duration
    ) async throws(ServiceSupportError) -> TansuBroker {
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
        let broker = TansuBroker(watchdog: started, port: port)
        try await started.waitUntilReady(
            "tansu", input: broker.bootstrapServers, timeout: timeout,
            detail: { logFile.flatMap { try? String(contentsOf: $0, encoding: .utf8) }.map { String($0.suffix(1_000)) } ?? "" }
        ) {
            // Its own listener, not another process's on the port (where tansu fails to bind
            // and exits).
            guard let tansu = started.serverProcessIdentifier, ProcessLiveness.listens(tansu, onLoopbackPort: port),
                let admin = try? KafkaAdmin(
                    configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers, clientId: "homeprice-probe"),
                    timeout: .seconds(5)
                )
            else { return false }
            return (try? await admin.brokers())?.isEmpty == false
        }
        return broker
    }

    /// Starts tansu (as ``start(layout:port:logFile:timeout:)``), runs `body` with it, and
    /// stops it whether `body` returns or throws.
    public static func run<Value>(
        layout: ProjectLayout,
        logFile: URL? = nil,
        timeout: Duration,
        _ body: (TansuBroker) async throws -> Value
    ) async throws -> Value {
        let broker = try await start(layout: layout, logFile: logFile, timeout: timeout)
        do {
            let value = try await body(broker)
            await broker.stop()
            return value
        } catch {
            await broker.stop()
            throw error
        }
    }

    /// The process id of the broker's watchdog shell, while it runs.
    public var processIdentifier: Int32? {
        watchdog.processIdentifier
    }

    /// The process id of tansu itself (the watchdog's first child) while it is alive; `nil` once
    /// it has exited — crashed or killed — even while the watchdog still runs.
    public var brokerProcessIdentifier: Int32? {
        watchdog.serverProcessIdentifier
    }

    /// Stops the broker and waits for it to exit.
    /// - Returns: Whether the watchdog stopped the broker and exited on its own within 30 s
    ///   (otherwise it was terminated); `true` when the broker was already stopped.
    @discardableResult
    public func stop() async -> Bool {
        await watchdog.stop()
    }
}
