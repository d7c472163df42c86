import Kafka
import Logging
import Schema

/// Dead-letters the messages that a consumer outside the ``BatchProcessor`` cannot read (the
/// latest-value readers of compacted topics, the trainer's inputs and commands): each becomes a
/// bounded ``Schema/DeadLetter`` (``DeadLetterWriter``) published on `homes.deadletter`.
///
/// Publishing never stops the reader: when the broker does not take a dead letter, the
/// message is skipped with an error log naming it, so one message never stalls a reader.
public struct DeadLetterPublisher: Sendable {
    /// Builds the bounded dead letters: stage, service and size bounds.
    public let writer: DeadLetterWriter
    private let publisher: any MessagePublisher
    private let logger: Logger

    /// Creates a publisher of `writer`'s dead letters through `publisher`.
    public init(writer: DeadLetterWriter, publisher: any MessagePublisher, logger: Logger) {
        self.writer = writer
        self.publisher = publisher
        self.logger = logger
    }

    /// Creates a publisher of the dead letters of `settings`' stage and service, bounded by its
    /// policy, through `producer` (run it in the same `ServiceGroup`).
    public init(settings: BatchSettings, producer: KafkaProducer, logger: Logger) {
        self.init(
            writer: DeadLetterWriter(stage: settings.stage, service: settings.service, policy: settings.deadLetters),
            publisher: KafkaPublisher(producer: producer), logger: logger)
    }

    /// Publishes the dead letter of `message`, failed for `reasons`, and waits for its delivery.
    public func deadLetter(_ message: KafkaConsumerMessage, reasons: [FailureReason]) async {
        await publish([writer.deadLetter(for: message, reasons: reasons)])
    }

    /// Publishes `letters` and waits for their delivery; when that fails, logs them as skipped.
    public func publish(_ letters: [DeadLetter]) async {
        guard !letters.isEmpty else { return }
        do {
            try await publisher.publish(letters)
        } catch {
            logger.error(
                "dead letters not delivered; the messages are skipped",
                metadata: [
                    "count": "\(letters.count)", "error": "\(error)", "stage": "\(writer.stage.rawValue)",
                    "keys": "\(letters.map(\.originalKey))",
                ])
        }
    }
}
