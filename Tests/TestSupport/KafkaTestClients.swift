import Kafka
import Logging

/// Client configurations for tests, with the local-profile defaults.
public enum KafkaTestClients {
    /// A logger that stays quiet unless something is wrong.
    public static let logger: Logger = {
        var logger = Logger(label: "homeprice.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A producer configuration for `broker`.
    public static func producer(_ bootstrapServers: String, messageTimeoutMilliseconds: Int = 30_000) -> KafkaProducerConfiguration {
        KafkaProducerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: bootstrapServers, clientId: "test-producer"),
            lingerMilliseconds: 5,
            messageTimeoutMilliseconds: messageTimeoutMilliseconds
        )
    }

    /// A group consumer configuration for `broker`.
    public static func groupConsumer(_ bootstrapServers: String, group: String, topics: [String], clientId: String = "test-consumer")
        -> KafkaConsumerConfiguration
    {
        KafkaConsumerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: bootstrapServers, clientId: clientId),
            subscription: .group(id: group, topics: topics)
        )
    }

    /// Creates `topic` with `partitions` partitions.
    public static func createTopic(_ topic: String, partitions: Int, on bootstrapServers: String) async throws {
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: bootstrapServers), timeout: .seconds(120))
        try await admin.createTopics([KafkaTopicSpecification(name: topic, partitions: partitions)])
    }
}
