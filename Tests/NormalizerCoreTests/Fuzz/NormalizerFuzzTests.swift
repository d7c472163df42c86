import Foundation
import NormalizerCore
import Schema
import TestSupport
import Testing

@Suite("Fuzzing the normalizer's decode, map and parse path")
struct NormalizerFuzzTests {
    @Test("thousands of mutated payloads and message envelopes: every one gives homes or dead letters, none crashes or throws")
    func mutatedRecordsNeverCrash() async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 25, seed: 13) + [SeedScenario.flat, SeedScenario.nested]
        let normalizer = try await SeedScenario.normalizer()
        let payloads = records.map { Array($0.payload.utf8) }
        let envelopes = try records.map { Array(try $0.encoded()) }
        var fuzzer = Fuzzer()
        var outcomes = (homes: 0, deadLetters: 0)
        for iteration in 0..<Fuzzer.iterations(standard: 2_000) {
            let output: NormalizerOutput
            if iteration % 2 == 0 {
                var record = records[fuzzer.next(records.count)]
                record.payload = String(decoding: fuzzer.mutate(payloads), as: UTF8.self)
                output = try normalizer.normalize(record)
            } else {
                let bytes = iteration % 10 == 1 ? fuzzer.randomBytes(maximumCount: 512) : fuzzer.mutate(envelopes)
                output = try normalizer.normalize(message: Data(bytes), key: nil, origin: nil)
            }
            outcomes.homes += output.homes.isEmpty ? 0 : 1
            outcomes.deadLetters += output.deadLetters.isEmpty ? 0 : 1
            #expect(!output.homes.isEmpty || !output.deadLetters.isEmpty, "iteration \(iteration) (seed \(Fuzzer.seed)) vanished")
            #expect(output.deadLetters.allSatisfy { $0.reasons.allSatisfy { $0.message.utf8.count < 2_000 } })
        }
        #expect(outcomes.homes > 0 && outcomes.deadLetters > 0, "the mutations reach both outcomes: \(outcomes)")
    }
}
