import Foundation
import Logging
import Scenario
import TestSupport
import Testing

@testable import Sources

@Suite("A producer's records-per-second cap")
struct PublishPaceTests {
    @Test("the wait is what keeps the count within the cap: none when behind it or with no cap")
    func delays() {
        let pace = PublishPace(maxRecordsPerSecond: 4)
        #expect(pace.delay(afterPublishing: 2, elapsed: .milliseconds(100)) == .milliseconds(400))
        #expect(pace.delay(afterPublishing: 2, elapsed: .milliseconds(500)) == .zero)
        #expect(pace.delay(afterPublishing: 8, elapsed: .seconds(2)) == .zero)
        #expect(PublishPace(maxRecordsPerSecond: 0).delay(afterPublishing: 1_000, elapsed: .zero) == .zero)
    }

    @Test("a capped producer spreads a file over count / cap seconds, one batch at a time, in order")
    func cappedFileTakesItsTime() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pace-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("sales.jsonl")
        let ids = (1...12).map { "P-\($0)" }
        try Data(ids.map { "{\"id\": \"\($0)\", \"price\": 100000}\n" }.joined().utf8).write(to: input)
        var configuration = SourceProducerIntegrationTests.configuration(.usOpenData, input: input, recordId: "id", folder: folder)
        configuration.batchSize = 3
        configuration.maxRecordsPerSecond = 40
        let publisher = RecordingPublisher()
        let producer = SourceProducer(configuration: configuration, publisher: publisher, logger: Logger(label: "test.sources"))

        let clock = ContinuousClock()
        let began = clock.now
        let summary = try await producer.ingestAvailable()
        let took = clock.now - began

        #expect(summary.records == 12)
        #expect(publisher.rawRecords.map(\.recordId) == ids)
        #expect(publisher.batchSizes == [3, 3, 3, 3])
        #expect(took >= .milliseconds(300), "12 records at 40 per second took \(took)")
    }
}
