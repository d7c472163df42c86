import Configuration
import Foundation
import Kafka
import ServiceSupport
import Testing

/// The project the tests run in, found from this file's location.
public enum TestProject {
    /// The project layout (root = the folder holding `Package.swift`).
    public static let layout = ProjectLayout(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    )

    /// Starts a fresh tansu broker for one suite, after checking that the librdkafka in use
    /// can talk to it (the test script puts the newer one on `LD_LIBRARY_PATH`).
    public static func startBroker() async throws -> TansuBroker {
        try requireModernLibrdkafka()
        return try await TansuBroker.start(layout: layout, timeout: brokerStartTimeout)
    }

    /// Runs `body` with a fresh broker and stops the broker afterwards, even when `body` throws.
    public static func withBroker<Value: Sendable>(_ body: (TansuBroker) async throws -> Value) async throws -> Value {
        try requireModernLibrdkafka()
        return try await TansuBroker.run(layout: layout, timeout: brokerStartTimeout, body)
    }

    /// How long a broker a test starts (itself, or through `homeprice` or an in-process
    /// benchmark or supervisor) may take to answer. Generous: a loaded two-core machine runs
    /// many suites, each with its own broker, and a slow start must not turn into another
    /// failure than the one a test looks for.
    public static let brokerStartTimeout = Duration.seconds(300)

    /// Kafka settings from `values` (keys under `kafka.`) over the in-code defaults, with
    /// ``brokerStartTimeout`` for the brokers they start.
    public static func kafkaSettings(_ values: [AbsoluteConfigKey: ConfigValue] = [:]) throws -> KafkaSettings {
        var settings = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: values)))
        settings.localBrokerStartTimeout = brokerStartTimeout
        return settings
    }

    private static func requireModernLibrdkafka() throws {
        try #require(
            LibrdkafkaVersion.isModern,
            "librdkafka \(LibrdkafkaVersion.string) cannot talk to tansu: run the tests with scripts/test"
        )
    }

    /// Runs `body` with a private PostgreSQL server, shared with the other callers running at
    /// the same time (create a database of your own on it), and stops it (removing its files)
    /// once the last of them is done, even when `body` throws.
    public static func withPostgres<Value: Sendable>(_ body: (PostgresServer) async throws -> Value) async throws -> Value {
        let server = try await SharedPostgresServer.shared.acquire()
        do {
            let value = try await body(server)
            await SharedPostgresServer.shared.release()
            return value
        } catch {
            await SharedPostgresServer.shared.release()
            throw error
        }
    }

    /// A topic name no other test uses.
    public static func uniqueTopic(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The built `homeprice` executable, next to the test bundle.
    public static var homepriceExecutable: URL {
        if let path = ProcessInfo.processInfo.environment["HOMEPRICE_BIN"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("homeprice")
    }
}
