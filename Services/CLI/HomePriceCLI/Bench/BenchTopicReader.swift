import Kafka
import Logging
import Schema
import ServiceSupport

/// Reads a benchmark topic from its beginning, outside any consumer group.
struct BenchTopicReader {
    let settings: KafkaSettings
    let logger: Logger

    /// A consumer of every partition of `topics` from the beginning (a design topic has its
    /// design's partition count, a benchmark topic that of `homes.raw`), named `clientId` in the
    /// broker's logs.
    func consumer(_ topics: [String], clientId: String = "bench-output-reader") throws -> KafkaConsumer {
        let partitions = topics.flatMap { topic in
            Self.partitions(of: topic).map { KafkaTopicPartitionOffset(topic: topic, partition: $0, position: .beginning) }
        }
        return try KafkaConsumer(
            configuration: settings.consumer(subscription: .partitions(partitions), clientId: clientId), logger: logger)
    }

    /// The partitions of `topic`: a topic of the design has its own count; the benchmarks'
    /// own topics (the relays') have `homes.raw`'s.
    static func partitions(of topic: String) -> [Int32] {
        Array(0..<Int32(Topic(rawValue: topic)?.defaultPartitionCount ?? Topic.homesRaw.defaultPartitionCount))
    }

    /// The first `count` messages of `topic`.
    func read(_ topic: String, count: Int) async throws -> [KafkaConsumerMessage] {
        let reader = try consumer([topic])
        do {
            let messages = try await withDeadline(.seconds(120), waitingFor: "\(count) messages of \(topic)") {
                var messages: [KafkaConsumerMessage] = []
                messages.reserveCapacity(count)
                for try await message in reader.messages {
                    messages.append(message)
                    if messages.count == count { break }
                }
                return messages
            }
            await reader.close()
            return messages
        } catch {
            await reader.close()
            throw error
        }
    }
}
