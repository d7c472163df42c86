import Pipeline
import Schema
import Synchronization

/// A publisher that keeps what it was given, for tests of producers that need no broker.
public final class RecordingPublisher: MessagePublisher {
    private let messages = Mutex<[any SchemaMessage]>([])

    /// Creates an empty publisher.
    public init() {}

    public func publish(_ batch: [any SchemaMessage]) async throws(PipelineError) {
        messages.withLock { $0 += batch }
    }

    /// The raw records published, in order.
    public var rawRecords: [RawRecord] { messages.withLock { $0.compactMap { $0 as? RawRecord } } }
    /// The dead letters published, in order.
    public var deadLetters: [DeadLetter] { messages.withLock { $0.compactMap { $0 as? DeadLetter } } }
    /// The monitoring events published, in order.
    public var monitoringEvents: [MonitoringEvent] { messages.withLock { $0.compactMap { $0 as? MonitoringEvent } } }

    /// Forgets everything published so far.
    public func reset() {
        messages.withLock { $0 = [] }
    }
}
