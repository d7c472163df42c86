import Foundation
import Kafka
import Schema

/// Publishes schema messages, each on its type's topic under its key, and returns once all
/// of them are delivered.
///
/// The crawler, the source producers and every stream service publish through it; tests
/// substitute a recording publisher where no broker is needed.
public protocol MessagePublisher: Sendable {
    /// Publishes `messages` and waits for their delivery.
    /// - Throws: ``PipelineError`` when a message cannot be encoded or delivered.
    func publish(_ messages: [any SchemaMessage]) async throws(PipelineError)

    /// Publishes records already encoded from schema messages
    /// (``Kafka/KafkaProducerMessage/init(_:)``), for a caller that needed the encoding itself
    /// (the server journals it), and waits for their delivery.
    /// - Throws: ``PipelineError`` when a record cannot be delivered.
    func publish(encoded records: [KafkaProducerMessage]) async throws(PipelineError)
}

extension MessagePublisher {
    /// Decodes every record back into its topic's message and publishes those: enough for a
    /// publisher that keeps messages rather than bytes (a test's recording publisher).
    public func publish(encoded records: [KafkaProducerMessage]) async throws(PipelineError) {
        var messages: [any SchemaMessage] = []
        messages.reserveCapacity(records.count)
        for record in records {
            guard let topic = Topic(rawValue: record.topic) else {
                throw PipelineError(.encodingFailed, reason: "not a HomePrice topic", input: record.topic)
            }
            do {
                messages.append(try topic.decodeMessage(from: Data(record.value)))
            } catch {
                throw PipelineError(.encodingFailed, reason: error.description, input: record.topic)
            }
        }
        try await publish(messages)
    }
}
