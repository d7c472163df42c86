import Pipeline
import Schema
import Synchronization

/// A publisher that keeps what it was given, for crawler tests that need no broker.
final class RecordingPublisher: MessagePublisher {
    private let messages = Mutex<[any SchemaMessage]>([])

    func publish(_ batch: [any SchemaMessage]) async throws(PipelineError) {
        messages.withLock { $0 += batch }
    }

    var rawRecords: [RawRecord] { messages.withLock { $0.compactMap { $0 as? RawRecord } } }
    var monitoringEvents: [MonitoringEvent] { messages.withLock { $0.compactMap { $0 as? MonitoringEvent } } }

    func reset() {
        messages.withLock { $0 = [] }
    }
}
