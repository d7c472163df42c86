import Foundation
import Logging
import Pipeline
import Scenario
import Schema
import TestSupport
import Testing

@testable import Sources

@Suite("A producer's messages-per-second cap")
struct PublishPaceTests {
    @Test("the wait is what keeps the count within the cap: none when behind it or with no cap")
    func delays() {
        let pace = PublishPace(maxRecordsPerSecond: 4)
        #expect(pace.delay(afterPublishing: 2, elapsed: .milliseconds(100)) == .milliseconds(400))
        #expect(pace.delay(afterPublishing: 2, elapsed: .milliseconds(500)) == .zero)
        #expect(pace.delay(afterPublishing: 8, elapsed: .seconds(2)) == .zero)
        #expect(PublishPace(maxRecordsPerSecond: 0).delay(afterPublishing: 1_000, elapsed: .zero) == .zero)
    }

    @Test("under a cap a batch is at most one second's worth; without one it is the configured size")
    func batchSizes() {
        #expect(PublishPace(maxRecordsPerSecond: 4).batchSize(configured: 10_000) == 4)
        #expect(PublishPace(maxRecordsPerSecond: 500).batchSize(configured: 100) == 100)
        #expect(PublishPace(maxRecordsPerSecond: 0).batchSize(configured: 10_000) == 10_000)
        #expect(PublishPace(maxRecordsPerSecond: 0).batchSize(configured: 0) == 1)
    }

    @Test("a capped producer spreads a file over count / cap seconds, one batch at a time, in order")
    func cappedFileTakesItsTime() async throws {
        let ids = (1...12).map { "P-\($0)" }
        let (folder, configuration) = try Self.cappedFile(ids: ids, maxRecordsPerSecond: 40, batchSize: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
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

    @Test("stopped while pacing after a file's last batch, the producer keeps the file as read", .timeLimit(.minutes(1)))
    func stopAfterLastBatchKeepsProgress() async throws {
        let (folder, configuration) = try Self.cappedFile(ids: ["P-1", "P-2"], maxRecordsPerSecond: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (published, publishing) = AsyncStream.makeStream(of: Int.self)
        let publisher = AnnouncingPublisher(announcing: publishing)
        let producer = SourceProducer(configuration: configuration, publisher: publisher, logger: Logger(label: "test.sources"))

        // At one per second the second record goes out a second after the first, and the wait
        // after it is the last: the stop comes there.
        let ingesting = Task { try await producer.ingestAvailable() }
        var delivered = 0
        for await count in published {
            delivered += count
            if delivered == 2 { break }
        }
        ingesting.cancel()
        let summary = try await ingesting.value
        #expect(summary.records == 2, "the file's records were all delivered")

        let restarted = SourceProducer(configuration: configuration, publisher: publisher, logger: Logger(label: "test.sources"))
        #expect(try await restarted.ingestAvailable() == IngestionSummary(), "a restart does not publish the file again")
        #expect(publisher.recorded.rawRecords.map(\.recordId) == ["P-1", "P-2"])
    }

    /// A fresh folder holding a JSON-lines file of a home per id, and a producer configuration
    /// reading it under the cap; the caller removes the folder.
    private static func cappedFile(
        ids: [String], maxRecordsPerSecond: Int, batchSize: Int? = nil
    ) throws -> (folder: URL, configuration: ProducerConfiguration) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("sales.jsonl")
        try Data(ids.map { "{\"id\": \"\($0)\", \"price\": 100000}\n" }.joined().utf8).write(to: input)
        var configuration = SourceProducerIntegrationTests.configuration(.usOpenData, input: input, recordId: "id", folder: folder)
        if let batchSize { configuration.batchSize = batchSize }
        configuration.maxRecordsPerSecond = maxRecordsPerSecond
        return (folder, configuration)
    }
}

/// A recording publisher that also tells how many messages each batch carried, as it delivers it.
private final class AnnouncingPublisher: MessagePublisher {
    let recorded = RecordingPublisher()
    private let announcing: AsyncStream<Int>.Continuation

    init(announcing: AsyncStream<Int>.Continuation) { self.announcing = announcing }

    func publish(_ batch: [any SchemaMessage]) async throws(PipelineError) {
        try await recorded.publish(batch)
        announcing.yield(batch.count)
    }
}
