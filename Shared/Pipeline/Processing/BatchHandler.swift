import Kafka
import Schema

/// The transform of a stream stage: consumed messages in, one ``MessageOutcome`` per message
/// out, in the same order.
///
/// A per-message failure is an outcome (``MessageOutcome/failed(_:)``), never a throw: the
/// ``BatchProcessor`` dead-letters it and goes on. Throw only when the whole batch cannot be
/// processed now (storage unreachable): the processor then stops without storing the batch's
/// offsets, and the batch is processed again after a restart.
public protocol BatchHandler: Sendable {
    /// Processes `batch`; returns exactly one outcome per message, in order.
    func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome]
}

/// A ``BatchHandler`` that handles each message on its own with a closure; whatever the closure
/// throws becomes that message's dead-letter reasons.
public struct PerMessageHandler: BatchHandler {
    private let transform: @Sendable (KafkaConsumerMessage) throws -> [any SchemaMessage]

    /// Creates a handler from a per-message transform.
    public init(_ transform: @escaping @Sendable (KafkaConsumerMessage) throws -> [any SchemaMessage]) {
        self.transform = transform
    }

    /// Applies the transform to every message, catching each one's failure.
    public func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        batch.map { message in
            do {
                return .produced(try transform(message))
            } catch {
                return .failed(FailureReason.reasons(for: error))
            }
        }
    }
}
