import Foundation
import Kafka
import Logging
import Pipeline
import Schema
import Synchronization
import TestSupport
import Testing

@Suite("Dead letters published outside the batch processor")
struct DeadLetterPublisherTests {
    /// Fails its first sends with `failure`, then records what it is given.
    final class FailingFirst: MessagePublisher {
        let attempts = Mutex(0)
        let failures: Int
        let failure: PipelineError.Code
        let recorded = RecordingPublisher()

        init(failures: Int, with failure: PipelineError.Code) {
            self.failures = failures
            self.failure = failure
        }

        func publish(_ messages: [any SchemaMessage]) async throws(PipelineError) {
            let attempt = attempts.withLock { attempts in
                attempts += 1
                return attempts
            }
            if attempt <= failures { throw PipelineError(failure, reason: "test") }
            try await recorded.publish(messages)
        }
    }

    static let writer = DeadLetterWriter(
        stage: .training, service: "trainer-0",
        policy: DeadLetterPolicy(maxPayloadBytes: 16_384, maxReasonCharacters: 1_000, maxReasons: 20))
    static let message = KafkaConsumerMessage(
        topic: "models.registry", partition: 0, offset: 7, key: Array("k".utf8), value: Array("{".utf8), headers: [], timestamp: nil)

    @Test("while the broker cannot be reached the dead letter is sent again until delivered, not skipped")
    func unreachableBrokerIsWaitedFor() async {
        let publisher = FailingFirst(failures: 3, with: .publishFailed)
        let deadLetters = DeadLetterPublisher(writer: Self.writer, publisher: publisher, logger: Logger(label: "test"))
        await deadLetters.deadLetter(Self.message, reasons: [FailureReason(code: "schema.invalidJSON", message: "cut")])
        #expect(publisher.attempts.withLock { $0 } == 4)
        #expect(publisher.recorded.messages(of: DeadLetter.self).map(\.originalKey) == ["k"])
    }

    @Test("a dead letter the broker refuses itself is skipped at once, so the reader goes on")
    func refusedDeadLetterIsSkipped() async {
        let publisher = FailingFirst(failures: 1, with: .publishRejected)
        let deadLetters = DeadLetterPublisher(writer: Self.writer, publisher: publisher, logger: Logger(label: "test"))
        await deadLetters.deadLetter(Self.message, reasons: [FailureReason(code: "schema.invalidJSON", message: "cut")])
        #expect(publisher.attempts.withLock { $0 } == 1)
        #expect(publisher.recorded.messages(of: DeadLetter.self).isEmpty)
    }
}
