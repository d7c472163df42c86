import Foundation
import Kafka
import Pipeline
import Schema
import TestSupport
import Testing

/// A stage that turns `ok:<n>` into a monitoring event, fails anything else, and can be told to
/// produce an oversized output.
private struct EchoHandler: BatchHandler {
    func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        batch.map { message in
            let text = message.valueString
            if text.hasPrefix("ok:") {
                return .produced([event(text)])
            }
            if text.hasPrefix("huge-output:") {
                return .produced([event(String(repeating: "x", count: 200_000))])
            }
            if text.hasPrefix("nan-output:") {
                var output = event(text)
                output.values["ratio"] = .nan
                return .produced([event("before-nan"), output])
            }
            return .failed([FailureReason(field: "value", code: "test.bad", message: "not ok: \(text)")])
        }
    }

    private func event(_ name: String) -> MonitoringEvent {
        MonitoringEvent(service: "test-stage", kind: .metric, name: name, at: Date(timeIntervalSince1970: 0))
    }
}

@Suite("Batch processor")
struct BatchProcessorTests {
    @Test("bad messages go to the dead-letter topic with their reasons, good ones are published, and every offset is committed")
    func badMessagesAreDeadLetteredAndTheStreamGoesOn() async throws {
        let pipeline = try PipelineHarness.mock()
        let values = (0..<120).map { index in Array((index % 10 == 3 ? "bad:\(index)" : "ok:\(index)").utf8) }
        try await pipeline.publish(values)
        try await pipeline.run(handler: EchoHandler(), inputs: values.count)

        let letters = try await pipeline.contents(of: .homesDeadLetter).map { try DeadLetter.decode(from: Data($0.value)) }
        let events = try await pipeline.contents(of: .pipelineMonitoring).map { try MonitoringEvent.decode(from: Data($0.value)) }
        #expect(letters.count == 12)
        #expect(events.count == 108)
        #expect(Set(letters.map(\.originalPayload)) == Set((0..<120).filter { $0 % 10 == 3 }.map { "bad:\($0)" }))
        for letter in letters {
            #expect(letter.stage == .preprocessing)
            #expect(letter.service == "test-stage")
            #expect(letter.reasons.first?.code == "test.bad")
            #expect(letter.origin?.topic == PipelineHarness.input)
            #expect(letter.originalLength == nil)
        }
    }

    @Test(
        "a batch's outputs leave at once: with a two-minute linger, 120 inputs in batches of 50 are done within the harness's one-minute deadline"
    )
    func outputsDoNotWaitForTheLinger() async throws {
        let pipeline = try PipelineHarness.mock()
        let values = (0..<120).map { Array("ok:\($0)".utf8) }
        try await pipeline.publish(values)
        try await pipeline.run(handler: EchoHandler(), inputs: values.count, lingerMilliseconds: 120_000)

        let events = try await pipeline.contents(of: .pipelineMonitoring).map { try MonitoringEvent.decode(from: Data($0.value)) }
        #expect(Set(events.map(\.name)) == Set((0..<120).map { "ok:\($0)" }))
    }

    @Test("a half-megabyte bad message on a real broker gives a small dead letter keeping its start, length and SHA-256")
    func hugeBadMessagesGiveBoundedDeadLetters() async throws {
        try await TestProject.withBroker { broker in
            let pipeline = try await PipelineHarness.on(broker)
            let huge = Array(("bad:" + String(repeating: "é", count: 250_000)).utf8)
            try await pipeline.publish([huge, Array("ok:after".utf8)])
            try await pipeline.run(handler: EchoHandler(), inputs: 2)

            let stored = try await pipeline.contents(of: .homesDeadLetter)
            let letter = try DeadLetter.decode(from: Data(try #require(stored.first).value))
            #expect(stored.count == 1)
            #expect(stored[0].value.count < 4 * PipelineHarness.policy.maxPayloadBytes)
            #expect(letter.originalLength == huge.count)
            #expect(letter.originalSHA256 == DeadLetterWriter.sha256(Data(huge)))
            #expect(letter.originalPayload.utf8.count <= PipelineHarness.policy.maxPayloadBytes)
            #expect(letter.originalPayload.hasPrefix("bad:éé"), "cut at a character boundary, still readable")
            #expect(letter.reasons[0].message.count < 300, "the reason quoting the input is capped")
            let events = try await pipeline.contents(of: .pipelineMonitoring).map { try MonitoringEvent.decode(from: Data($0.value)) }
            #expect(events.map(\.name) == ["ok:after"], "the next message is processed")
        }
    }

    @Test(
        "an input whose output has no JSON form (a NaN value) is dead-lettered naming the encoding failure, and none of its outputs is published"
    )
    func unencodableOutputsAreDeadLettered() async throws {
        let pipeline = try PipelineHarness.mock()
        try await pipeline.publish([Array("nan-output:1".utf8), Array("ok:2".utf8)])
        try await pipeline.run(handler: EchoHandler(), inputs: 2)

        let letters = try await pipeline.contents(of: .homesDeadLetter).map { try DeadLetter.decode(from: Data($0.value)) }
        #expect(letters.map(\.originalPayload) == ["nan-output:1"])
        #expect(letters.first?.reasons.first?.code == "output.encodingFailed")
        #expect(letters.first?.reasons.first?.message.contains("MonitoringEvent") == true, "\(letters.first?.reasons ?? [])")
        let events = try await pipeline.contents(of: .pipelineMonitoring).map { try MonitoringEvent.decode(from: Data($0.value)) }
        #expect(events.map(\.name) == ["ok:2"])
    }

    @Test("an output the broker refuses as too large is replaced by its input's dead letter")
    func refusedOutputsAreDeadLettered() async throws {
        let pipeline = try PipelineHarness.mock()
        try await pipeline.publish([Array("huge-output:1".utf8), Array("ok:2".utf8)])
        try await pipeline.run(handler: EchoHandler(), inputs: 2, maxMessageBytes: 100_000)

        let letters = try await pipeline.contents(of: .homesDeadLetter).map { try DeadLetter.decode(from: Data($0.value)) }
        #expect(letters.count == 1)
        #expect(letters.first?.reasons.first?.code == "output.rejected")
        #expect(letters.first?.originalLength == "huge-output:1".utf8.count)
        let events = try await pipeline.contents(of: .pipelineMonitoring).map { try MonitoringEvent.decode(from: Data($0.value)) }
        #expect(events.map(\.name) == ["ok:2"])
    }
}
