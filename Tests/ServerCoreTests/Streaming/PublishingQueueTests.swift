import Foundation
import Pipeline
import Schema
import ServerCore
import ServiceSupport
import Synchronization
import TestSupport
import Testing

/// A publisher that refuses its first `failures` sends, then keeps what it is given and
/// reports every delivery on ``deliveries``.
private final class FlakyPublisher: MessagePublisher {
    private let state: Mutex<(failuresLeft: Int, predictionIds: [String])>
    let deliveries: AsyncStream<[String]>
    private let delivered: AsyncStream<[String]>.Continuation

    init(failures: Int) {
        state = Mutex((failures, []))
        (deliveries, delivered) = AsyncStream.makeStream()
    }

    func publish(_ messages: [any SchemaMessage]) async throws(PipelineError) {
        let ids: [String]? = state.withLock { state in
            guard state.failuresLeft == 0 else {
                state.failuresLeft -= 1
                return nil
            }
            state.predictionIds += messages.compactMap { ($0 as? Prediction)?.predictionId }
            return state.predictionIds
        }
        guard let ids else { throw PipelineError(.publishFailed, reason: "broker unreachable (test)") }
        delivered.yield(ids)
    }
}

@Suite("Publishing queue")
struct PublishingQueueTests {
    @Test("a failed send is tried again until delivered, nothing dropped, and the delivered journal segments are deleted")
    func retriesUntilDelivered() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("queue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try PublishingJournal(
            settings: JournalSettings(directory: folder, segmentBytes: 1 << 20, maxBytes: 1 << 24, syncEveryWrite: false),
            logger: ServerFixture.logger)
        let publisher = FlakyPublisher(failures: 2)
        let queue = PublishingQueue(
            publisher: publisher, journal: journal, batchSize: 2, retryDelay: .milliseconds(10), logger: ServerFixture.logger)
        let predictions = try PublishingJournalTests.predictions(5, prefix: "q")
        try await withRunningServices([queue], timeout: .seconds(60)) {
            try await queue.enqueue(Array(predictions[..<3]))
            try await queue.enqueue(Array(predictions[3...]))
            let delivered = try await withDeadline(.seconds(30), waitingFor: "every prediction delivered") {
                for await ids in publisher.deliveries where ids.count >= predictions.count { return ids }
                return []
            }
            #expect(delivered == predictions.map(\.predictionId))
        }
        #expect(journal.health.undelivered == 0 && journal.health.problem == nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.isEmpty, "\(left)")
    }
}
