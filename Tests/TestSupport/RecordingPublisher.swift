import Pipeline
import Schema
import Synchronization

/// A publisher that keeps what it was given, for tests that need no broker (crawler,
/// producers, monitor).
public final class RecordingPublisher: MessagePublisher {
    private let messages = Mutex<[any SchemaMessage]>([])

    /// An empty recorder.
    public init() {}

    /// Keeps `batch`.
    public func publish(_ batch: [any SchemaMessage]) async throws(PipelineError) {
        messages.withLock { $0 += batch }
    }

    /// Every message of type `Message` published so far, in order.
    public func messages<Message: SchemaMessage>(of type: Message.Type) -> [Message] {
        messages.withLock { $0.compactMap { $0 as? Message } }
    }

    /// The raw records published so far.
    public var rawRecords: [RawRecord] { messages(of: RawRecord.self) }

    /// The dead letters published so far.
    public var deadLetters: [DeadLetter] { messages(of: DeadLetter.self) }

    /// The monitoring events published so far.
    public var monitoringEvents: [MonitoringEvent] { messages(of: MonitoringEvent.self) }

    /// Forgets everything published.
    public func reset() {
        messages.withLock { $0 = [] }
    }
}
