import Pipeline
import Schema
import Synchronization

/// A publisher that keeps what it was given, for tests that need no broker (crawler,
/// producers, monitor).
public final class RecordingPublisher: MessagePublisher {
    private struct Recorded {
        var messages: [any SchemaMessage] = []
        var batchSizes: [Int] = []
    }

    private let recorded = Mutex(Recorded())

    /// An empty recorder.
    public init() {}

    /// Keeps `batch`.
    public func publish(_ batch: [any SchemaMessage]) async throws(PipelineError) {
        recorded.withLock {
            $0.messages += batch
            $0.batchSizes.append(batch.count)
        }
    }

    /// How many messages each call to ``publish(_:)`` carried, in order.
    public var batchSizes: [Int] { recorded.withLock { $0.batchSizes } }

    /// Every message of type `Message` published so far, in order.
    public func messages<Message: SchemaMessage>(of type: Message.Type) -> [Message] {
        recorded.withLock { $0.messages.compactMap { $0 as? Message } }
    }

    /// The raw records published so far.
    public var rawRecords: [RawRecord] { messages(of: RawRecord.self) }

    /// The dead letters published so far.
    public var deadLetters: [DeadLetter] { messages(of: DeadLetter.self) }

    /// The monitoring events published so far.
    public var monitoringEvents: [MonitoringEvent] { messages(of: MonitoringEvent.self) }

    /// Forgets everything published.
    public func reset() {
        recorded.withLock { $0 = Recorded() }
    }
}
