import Kafka
import Logging
import Schema
import ServiceLifecycle

/// Dead-letters the messages that a consumer outside the ``BatchProcessor`` cannot read (the
/// latest-value readers of compacted topics, the trainer's inputs and commands): each becomes a
/// bounded ``Schema/DeadLetter`` (``DeadLetterWriter``) published on `homes.deadletter`.
///
/// The same rule as the ``BatchProcessor``: while the broker cannot be reached the dead letters
/// are sent again (the reader waits, as it could not read anyway) until graceful shutdown or
/// cancellation; a dead letter the broker refuses itself is skipped with an error log naming
/// the message, so one message never stalls a reader.
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

    /// Publishes `letters` and waits for their delivery, sending them again while the broker
    /// cannot be reached; logs them as skipped when the broker refuses them or the service stops.
    public func publish(_ letters: [DeadLetter]) async {
        guard !letters.isEmpty else { return }
        var warned = false
        while true {
            do {
                try await publisher.publish(letters)
                return
            } catch  where error.code == .publishFailed && !Task.isCancelled && !Task.isShuttingDownGracefully {
                if !warned {
                    logger.warning("dead letters not delivered; sending them again", metadata: ["error": "\(error)"])
                    warned = true
                }
                // Paces a failure that returns at once (a send to an unreachable broker waits for
                // the message timeout by itself).
                try? await Task.sleep(for: .milliseconds(100))
            } catch {
                logger.error(
                    "dead letters not delivered; the messages are skipped",
                    metadata: [
                        "count": "\(letters.count)", "error": "\(error)", "stage": "\(writer.stage.rawValue)",
                        "keys": "\(letters.map(\.originalKey))",
                    ])
                return
            }
        }
    }
}
