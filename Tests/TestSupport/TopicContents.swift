import Kafka
import ServiceSupport

/// Reads what topics hold, for tests that count exactly what was published.
public enum TopicContents {
    /// Every message stored on `topic`'s `partitions` partitions, from the beginning up to the
    /// high watermarks at the time of the call (so nothing published later is waited for, and
    /// a duplicate shows up as an extra message).
    public static func read(topic: String, partitions: Int, bootstrapServers: String, timeout: Duration = .seconds(120)) async throws
        -> [KafkaConsumerMessage]
    {
        let client = KafkaClientConfiguration(bootstrapServers: bootstrapServers, clientId: "test-topic-reader")
        let ids = (0..<Int32(partitions)).map { $0 }
        let watermarks = try await KafkaAdmin(configuration: client, timeout: .seconds(120)).watermarks(topic: topic, partitions: ids)
        let expected = Int(watermarks.messages)
        guard expected > 0 else { return [] }
        return try await first(expected, of: [(topic, partitions)], bootstrapServers: bootstrapServers, timeout: timeout)
    }

    /// The first `count` messages read from the beginning of every partition of `topics` (name
    /// and partition count), waiting for them to be published until `timeout` passes.
    /// - Throws: `DeadlineExceeded` when fewer than `count` messages arrived in time.
    public static func first(
        _ count: Int, of topics: [(name: String, partitions: Int)], bootstrapServers: String, timeout: Duration = .seconds(120)
    ) async throws -> [KafkaConsumerMessage] {
        try await read(of: topics, bootstrapServers: bootstrapServers, timeout: timeout, until: "\(count) messages", as: { $0 }) {
            $0.count == count
        }
    }

    /// Messages read from the beginning of every partition of `topics` (name and partition
    /// count), each turned into an `Element` by `transform` (skipped when it gives nil), until
    /// `condition` holds for everything kept so far, or `timeout` passes.
    /// - Throws: `DeadlineExceeded` naming `what` when the condition did not hold in time.
    public static func read<Element: Sendable>(
        of topics: [(name: String, partitions: Int)], bootstrapServers: String, timeout: Duration = .seconds(120),
        until what: String, as transform: @escaping @Sendable (KafkaConsumerMessage) -> Element?,
        _ condition: @escaping @Sendable ([Element]) -> Bool
    ) async throws -> [Element] {
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
            let messages = try await withDeadline(timeout, waitingFor: "\(what) on \(names)") {
                var messages: [Element] = []
                if condition(messages) { return messages }
                for try await message in consumer.messages {
                    guard let element = transform(message) else { continue }
                    messages.append(element)
                    if condition(messages) { return messages }
                }
                throw TopicReadEnded(what: what, read: messages.count)
            }
            await consumer.close()
            return messages
        } catch {
            await consumer.close()
            throw error
        }
    }
}

/// The consumer's stream ended before the awaited condition held.
public struct TopicReadEnded: Error, CustomStringConvertible {
    /// What was awaited.
    public let what: String
    /// How many messages were kept.
    public let read: Int

    public var description: String { "the topic reader stopped after \(read) messages, before \(what)" }
}
