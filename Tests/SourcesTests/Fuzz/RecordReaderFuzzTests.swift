import Foundation
import Scenario
import Sources
import TestSupport
import Testing

@Suite("Fuzzing the producers' record readers")
struct RecordReaderFuzzTests {
    @Test("thousands of mutated CSV, JSON-lines and XML files: every reader returns records or failures, never crashes")
    func mutatedFilesNeverCrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ScenarioGenerator(
            parameters: .init(seed: 8, homes: 40, output: folder, seedData: SourceProducerIntegrationTests.seedData, recordsPerDropFile: 10)
        ).generate()
        var seeds: [String: [[UInt8]]] = [:]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where ["csv", "jsonl", "xml"].contains(file.pathExtension) {
            seeds[file.pathExtension, default: []].append(Array(try Data(contentsOf: file).prefix(6_000)))
        }
        let readers: [String: (Data, String) -> [ParseOutcome]] = [
            "csv": CSVRecordReader(recordIdColumn: "PARCEL_ID").read,
            "jsonl": JSONLinesReader(recordIdPath: "id").read,
            "xml": XMLRecordReader(recordElement: "Sale", recordIdPath: "@id").read,
        ]
        #expect(Set(seeds.keys) == Set(readers.keys))
        var fuzzer = Fuzzer()
        var counts = (records: 0, failures: 0)
        for iteration in 0..<Fuzzer.iterations(standard: 3_000) {
            let format = ["csv", "jsonl", "xml"][iteration % 3]
            let bytes = iteration % 20 == 0 ? fuzzer.randomBytes(maximumCount: 2_048) : fuzzer.mutate(seeds[format] ?? [])
            for outcome in readers[format]!(Data(bytes), "fuzz-\(iteration).\(format)") {
                switch outcome {
                case .record: counts.records += 1
                case .failure(let failure):
                    counts.failures += 1
                    #expect(!failure.message.isEmpty && failure.message.utf8.count < 2_000, "seed \(Fuzzer.seed), iteration \(iteration)")
                }
            }
        }
        #expect(counts.records > 0 && counts.failures > 0, "the mutations reach both outcomes: \(counts)")
    }
}
