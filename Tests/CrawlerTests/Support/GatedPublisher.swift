import Pipeline
import Schema
import Synchronization
import TestSupport

/// A publisher that takes batches until `limit` raw records have passed (the batch that
/// reaches it passes whole), then holds every later call until it is cancelled (it then fails,
/// as a lost broker would) or ``open()`` is called: a crawl cancelled while it holds is
/// interrupted midway however slow or fast the test run.
final class GatedPublisher: MessagePublisher {
    private struct State {
        var open = false
        var rawRecords = 0
    }

    /// What passed the gate.
    let recorder = RecordingPublisher()
    private let limit: Int
    private let state = Mutex(State())

    /// A gate that closes once `limit` raw records have passed.
    init(closingAfter limit: Int) {
        self.limit = limit
    }

    /// Lets every later call through.
    func open() {
        state.withLock { $0.open = true }
    }

    /// How many raw records passed before the gate closed (or since it opened).
    var rawRecordsPassed: Int { state.withLock { $0.rawRecords } }

    /// Passes `batch` on if the gate lets it, else waits until it does or the task is cancelled.
    func publish(_ batch: [any SchemaMessage]) async throws(PipelineError) {
        let records = batch.count { $0 is RawRecord }
        while !state.withLock({ state in
            guard state.open || state.rawRecords < limit else { return false }
            state.rawRecords += records
            return true
        }) {
            do {
                try await Task.sleep(for: .milliseconds(10))
            } catch {
                throw PipelineError(.publishFailed, reason: "cancelled while the gate was closed")
            }
        }
        try await recorder.publish(batch)
    }
}
