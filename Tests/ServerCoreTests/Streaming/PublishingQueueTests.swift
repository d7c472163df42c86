import Foundation
import Pipeline
import Schema
import ServerCore
import ServiceSupport
import Synchronization
import TestSupport
import Testing

/// A publisher that fails its first `failures` sends, refuses (as too large) every send that
/// holds a prediction of `refused`, keeps what it is given otherwise and reports every
/// delivery on ``deliveries``.
private final class FlakyPublisher: MessagePublisher {
    private let state: Mutex<(failuresLeft: Int, predictionIds: [String])>
    private let refused: Set<String>
    let deliveries: AsyncStream<[String]>
    private let delivered: AsyncStream<[String]>.Continuation

    init(failures: Int, refusing refused: Set<String> = []) {
        state = Mutex((failures, []))
        self.refused = refused
        (deliveries, delivered) = AsyncStream.makeStream()
    }

    func publish(_ messages: [any SchemaMessage]) async throws(PipelineError) {
        if messages.contains(where: { ($0 as? Prediction).map { refused.contains($0.predictionId) } ?? false }) {
            throw PipelineError(.publishRejected, reason: "Broker: Message size too large (test)")
        }
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
        try await withRunningServices([queue]) {
            try await queue.enqueue(Array(predictions[..<3]))
            try await queue.enqueue(Array(predictions[3...]))
            let delivered = try await withDeadline(.seconds(120), waitingFor: "every prediction delivered") {
                for await ids in publisher.deliveries where ids.count >= predictions.count { return ids }
                return []
            }
            #expect(delivered == predictions.map(\.predictionId))
        }
        #expect(journal.health.undelivered == 0 && journal.health.problem == nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.isEmpty, "\(left)")
    }

    @Test("a message the broker refuses itself is dropped alone: the rest of its batch and everything behind it are delivered")
    func refusedMessageDoesNotBlockTheQueue() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("queue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try PublishingJournal(
            settings: JournalSettings(directory: folder, segmentBytes: 1 << 20, maxBytes: 1 << 24, syncEveryWrite: false),
            logger: ServerFixture.logger)
        let predictions = try PublishingJournalTests.predictions(6, prefix: "r")
        let poisoned = predictions[1].predictionId
        let publisher = FlakyPublisher(failures: 0, refusing: [poisoned])
        let queue = PublishingQueue(
            publisher: publisher, journal: journal, batchSize: 4, retryDelay: .milliseconds(10), logger: ServerFixture.logger)
        try await withRunningServices([queue]) {
            try await queue.enqueue(predictions)
            let delivered = try await withDeadline(.seconds(120), waitingFor: "every other prediction delivered") {
                for await ids in publisher.deliveries where Set(ids).count >= predictions.count - 1 { return ids }
                return []
            }
            #expect(Set(delivered) == Set(predictions.map(\.predictionId)).subtracting([poisoned]))
        }
        #expect(journal.health.undelivered == 0 && journal.health.problem == nil, "the refused message is not replayed")
    }
}
