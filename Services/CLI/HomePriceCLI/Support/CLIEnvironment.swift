import Foundation
import Kafka
import Logging
import ServiceSupport

/// What every command needs: the project layout, the Kafka settings, a logger.
///
/// The broker address comes from `KAFKA_BOOTSTRAP_SERVERS` when set, else from the running
/// local cluster's state file, else from `configs/kafka.yaml`.
struct CLIEnvironment: Sendable {
    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    /// Set (to any value) when librdkafka may print its own log lines: `--verbose`.
    static let verboseVariable = "HOMEPRICE_VERBOSE"

    /// The cluster's state folder.
    var stateDirectory: URL { layout.stateDirectory() }

    /// Loads the environment; fails with a clear error outside a HomePrice project.
    static func load(label: String = "homeprice") async throws -> CLIEnvironment {
        guard let layout = ProjectLayout.current() else {
            throw ServiceSupportError(
                code: .projectNotFound,
                reason: "no HomePrice project here: run inside the project or set HOMEPRICE_ROOT"
            )
        }
        var kafka = try await KafkaSettings.load(layout: layout)
        let environment = ProcessInfo.processInfo.environment
        if environment["KAFKA_BOOTSTRAP_SERVERS"] == nil,
            let state = try? ClusterState.read(from: layout.stateDirectory())
        {
            kafka = kafka.connecting(to: state.bootstrapServers)
        }
        if environment[verboseVariable] != nil {
            kafka = kafka.withLibrdkafkaLogLevel(6)
        }
        var logger = Logger(label: label)
        logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return CLIEnvironment(layout: layout, kafka: kafka, logger: logger)
    }

    /// An admin client for the configured broker.
    func admin() throws -> KafkaAdmin {
        try KafkaAdmin(configuration: kafka.client)
    }
}
