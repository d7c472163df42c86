import Kafka
import Schema

/// The ``MessagePublisher`` over a ``Kafka/KafkaProducer``: one awaited send per call.
public struct KafkaPublisher: MessagePublisher {
    /// The producer the messages go through; run it in the same `ServiceGroup`.
    public let producer: KafkaProducer

    /// Creates a publisher over `producer`.
    public init(producer: KafkaProducer) {
        self.producer = producer
    }

    /// Encodes every message, sends them with one awaited send and returns when all are
    /// delivered.
    public func publish(_ messages: [any SchemaMessage]) async throws(PipelineError) {
        var batch: [KafkaProducerMessage] = []
        batch.reserveCapacity(messages.count)
        for message in messages {
            batch.append(try KafkaProducerMessage(message))
        }
        try await publish(encoded: batch)
    }

    /// Sends the records as they are with one awaited send and returns when all are delivered.
    /// - Throws: ``PipelineError/Code/publishRejected`` when the broker refused a record
    ///   itself, ``PipelineError/Code/publishFailed`` for any other failure.
    public func publish(encoded records: [KafkaProducerMessage]) async throws(PipelineError) {
        do {
            _ = try await producer.send(records)
        } catch {
            throw PipelineError(
                error.code == .messageRejected ? .publishRejected : .publishFailed, reason: error.description, input: records.first?.topic)
        }
    }
}
