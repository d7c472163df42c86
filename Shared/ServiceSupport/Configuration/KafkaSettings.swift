import Configuration
import Foundation
import Kafka

/// The Kafka client settings of `configs/kafka.yaml`, with environment overrides.
///
/// The in-code defaults are the local profile of DESIGN.md (tansu on 127.0.0.1:9092).
public struct KafkaSettings: Sendable, Equatable {
    /// The settings every client shares.
    public var client: KafkaClientConfiguration
    /// The producer template (its client is ``client``).
    public var producer: KafkaProducerConfiguration
    /// Consumer settings, applied by ``consumer(subscription:)``.
    public var consumerTemplate: KafkaConsumerConfiguration
    /// How long a tansu broker this project starts itself (`homeprice up`, the benchmarks) may
    /// take to answer before the start fails.
    public var localBrokerStartTimeout: Duration

    /// Reads the settings from `reader` (keys under `kafka.`).
    public init(reader: ConfigReader) throws(ServiceSupportError) {
        let kafka = reader.scoped(to: "kafka")
        var properties: [String: String] = [:]
        for line in kafka.stringArray(forKey: "properties", default: []) {
            let entry = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.isEmpty { continue }
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ServiceSupportError(
                    code: .invalidConfiguration,
                    reason: "a pass-through property must read name=value",
                    input: "kafka.properties: \(entry)"
                )
            }
            properties[parts[0]] = parts[1]
        }
        client = KafkaClientConfiguration(
            bootstrapServers: kafka.string(forKey: "bootstrapServers", default: "127.0.0.1:9092"),
            clientId: kafka.string(forKey: "clientId", default: "homeprice"),
            allowAutoCreateTopics: kafka.bool(forKey: "allowAutoCreateTopics", default: false),
            properties: properties
        )
        let producer = kafka.scoped(to: "producer")
        let probeInterval = producer.int(forKey: "brokerProbeIntervalMs", default: 2_000)
        guard probeInterval >= 1 else {
            throw ServiceSupportError(
                code: .invalidConfiguration, reason: "brokerProbeIntervalMs must be at least 1",
                input: "kafka.producer.brokerProbeIntervalMs: \(probeInterval)")
        }
        self.producer = KafkaProducerConfiguration(
            client: client,
            lingerMilliseconds: producer.int(forKey: "lingerMs", default: 50),
            batchMessages: producer.int(forKey: "batchMessages", default: 10_000),
            batchBytes: producer.int(forKey: "batchBytes", default: 1_000_000),
            messageTimeoutMilliseconds: producer.int(forKey: "messageTimeoutMs", default: 30_000),
            queueMaxMessages: producer.int(forKey: "queueMaxMessages", default: 100_000),
            acks: producer.string(forKey: "acks", default: "all"),
            idempotent: producer.bool(forKey: "idempotent", default: false),
            compression: producer.string(forKey: "compression", default: "none"),
            brokerProbeIntervalMilliseconds: probeInterval
        )
        let consumer = kafka.scoped(to: "consumer")
        let reset = consumer.string(forKey: "offsetReset", default: "earliest")
        guard let offsetReset = KafkaConsumerConfiguration.OffsetReset(rawValue: reset) else {
            throw ServiceSupportError(
                code: .invalidConfiguration,
                reason: "offsetReset must be earliest or latest",
                input: "kafka.consumer.offsetReset: \(reset)"
            )
        }
        consumerTemplate = KafkaConsumerConfiguration(
            client: client,
            subscription: .partitions([]),
            offsetReset: offsetReset,
            sessionTimeoutMilliseconds: consumer.int(forKey: "sessionTimeoutMs", default: 6_000),
            heartbeatIntervalMilliseconds: consumer.int(forKey: "heartbeatIntervalMs", default: 1_000),
            autoCommitIntervalMilliseconds: consumer.int(forKey: "autoCommitIntervalMs", default: 1_000),
            fetchWaitMaxMilliseconds: consumer.int(forKey: "fetchWaitMaxMs", default: 500),
            pollTimeoutMilliseconds: consumer.int(forKey: "pollTimeoutMs", default: 100),
            handOverTimeoutMilliseconds: consumer.int(forKey: "handOverTimeoutMs", default: 30_000)
        )
        localBrokerStartTimeout = .seconds(kafka.scoped(to: "localBroker").int(forKey: "startTimeoutSeconds", default: 60))
    }

    /// Reads `configs/kafka.yaml` with environment overrides.
    public static func load(layout: ProjectLayout?) async throws(ServiceSupportError) -> KafkaSettings {
        try KafkaSettings(reader: await ConfigurationLoader.reader(layout: layout, files: ["kafka.yaml"]))
    }

    /// A consumer configuration with these settings and `subscription`.
    public func consumer(subscription: KafkaConsumerConfiguration.Subscription, clientId: String? = nil) -> KafkaConsumerConfiguration {
        var configuration = consumerTemplate
        configuration.subscription = subscription
        if let clientId { configuration.client.clientId = clientId }
        return configuration
    }

    /// The same settings pointed at `bootstrapServers` (a local cluster's or a test broker's).
    public func connecting(to bootstrapServers: String) -> KafkaSettings {
        var settings = self
        settings.client.bootstrapServers = bootstrapServers
        settings.producer.client.bootstrapServers = bootstrapServers
        settings.consumerTemplate.client.bootstrapServers = bootstrapServers
        return settings
    }

    /// These settings with librdkafka's own `log_level` (syslog levels: 2, the default, keeps only
    /// critical lines; 6 adds its connection failures and retries) for every client: the CLI's
    /// `--verbose`.
    public func withLibrdkafkaLogLevel(_ level: Int) -> KafkaSettings {
        var settings = self
        for keyPath in [\KafkaSettings.client, \KafkaSettings.producer.client, \KafkaSettings.consumerTemplate.client] {
            settings[keyPath: keyPath].properties["log_level"] = String(level)
        }
        return settings
    }

    /// The producer configuration, optionally under another client id.
    public func producer(clientId: String) -> KafkaProducerConfiguration {
        var configuration = producer
        configuration.client.clientId = clientId
        return configuration
    }
}
