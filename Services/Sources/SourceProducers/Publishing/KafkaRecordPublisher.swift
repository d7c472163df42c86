import Kafka
import Schema

/// Publishes schema messages with a ``KafkaProducer``, awaiting delivery of each batch.
public struct KafkaRecordPublisher: RecordPublisher {
    /// The producer; it must be running (in a service group or `withProducer`).
    public let producer: KafkaProducer

    /// Creates a publisher on `producer`.
    public init(producer: KafkaProducer) {
        self.producer = producer
    }

    public func publish(_ messages: [any SchemaMessage]) async throws(SourceError) {
        var batch: [KafkaProducerMessage] = []
        batch.reserveCapacity(messages.count)
        for message in messages {
            do {
                let value = try message.encoded()
                batch.append(
                    KafkaProducerMessage(
                        topic: type(of: message).topic.name, key: Array(message.key.utf8), value: Array(value)))
            } catch {
                throw SourceError(code: .publishFailed, reason: error.description, input: message.key)
            }
        }
        do {
            _ = try await producer.send(batch)
        } catch {
            throw SourceError(code: .publishFailed, reason: error.description, input: batch.first?.topic)
        }
    }
}
