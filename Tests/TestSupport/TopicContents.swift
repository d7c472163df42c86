import Kafka
import ServiceSupport

/// Reads what topics hold, for tests that count exactly what was published.
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
        return try await first(expected, of: [(topic, partitions)], bootstrapServers: bootstrapServers, timeout: timeout)
    }

    /// The first `count` messages read from the beginning of every partition of `topics` (name
    /// and partition count), waiting for them to be published until `timeout` passes.
    /// - Throws: `DeadlineExceeded` when fewer than `count` messages arrived in time.
    public static func first(
        _ count: Int, of topics: [(name: String, partitions: Int)], bootstrapServers: String, timeout: Duration = .seconds(120)
    ) async throws -> [KafkaConsumerMessage] {
        let partitions = topics.flatMap { topic in
            (0..<Int32(topic.partitions)).map { KafkaTopicPartitionOffset(topic: topic.name, partition: $0, position: .beginning) }
        }
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: KafkaClientConfiguration(bootstrapServers: bootstrapServers, clientId: "test-topic-reader"),
                subscription: .partitions(partitions)),
            logger: KafkaTestClients.logger)
        do {
            let names = topics.map(\.name).joined(separator: ", ")
            let messages = try await withDeadline(timeout, waitingFor: "\(count) messages on \(names)") {
                var messages: [KafkaConsumerMessage] = []
                for try await message in consumer.messages {
                    messages.append(message)
                    if messages.count == count { break }
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
