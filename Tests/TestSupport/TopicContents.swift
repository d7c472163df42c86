import Kafka
import ServiceSupport

/// Reads what a topic holds, for tests that count exactly what was published.
public enum TopicContents {
    /// Every message stored on `topic`'s `partitions` partitions, from the beginning up to the
    /// high watermarks at the time of the call (so nothing published later is waited for, and
    /// a duplicate shows up as an extra message).
    public static func read(topic: String, partitions: Int, bootstrapServers: String, timeout: Duration = .seconds(30)) async throws
        -> [KafkaConsumerMessage]
    {
        let client = KafkaClientConfiguration(bootstrapServers: bootstrapServers, clientId: "test-topic-reader")
        let ids = (0..<Int32(partitions)).map { $0 }
        let watermarks = try await KafkaAdmin(configuration: client).watermarks(topic: topic, partitions: ids)
        let expected = watermarks.reduce(0) { $0 + Int($1.high - $1.low) }
        guard expected > 0 else { return [] }
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: client,
                subscription: .partitions(ids.map { KafkaTopicPartitionOffset(topic: topic, partition: $0, position: .beginning) })),
            logger: KafkaTestClients.logger)
        do {
            let messages = try await withDeadline(timeout, waitingFor: "\(expected) messages on \(topic)") {
                var messages: [KafkaConsumerMessage] = []
                for try await message in consumer.messages {
                    messages.append(message)
                    if messages.count == expected { break }
                }
                return messages
            }
            await consumer.close()
            return messages
        } catch {
            await consumer.close()
            throw error
        }
    }
}
