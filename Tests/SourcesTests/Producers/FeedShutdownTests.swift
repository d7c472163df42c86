import Foundation
import Schema
import ServiceSupport
import Sources
import TestSupport
import Testing

@Suite("A feed producer stopped while a page loads")
struct FeedShutdownTests {
    @Test("ends at once as stopped, not as a failed fetch to retry, and publishes nothing")
    func stopsWhileFetching() async throws {
        let (asked, asking) = AsyncStream.makeStream(of: Void.self)
        let feed = try LocalHTTPServer { _ in
            asking.yield()
            // Long enough that only the cancellation ends the fetch, however late a loaded machine
            // runs the test's cancel (a 5-second answer and timeout once let the fetch time out
            // first, and the cancel land in the retry wait).
            return HTTPResponse(status: 200, body: Data(#"{"items": [], "cursor": null, "hasMore": false}"#.utf8), delay: .seconds(90))
        }
        defer { feed.stop() }
        let publisher = RecordingPublisher()
        let configuration = ProducerConfiguration(
            descriptor: SourceDescriptor(
                id: "slow-feed", name: "slow-feed", kind: .agencyFeed, region: "US", currency: "USD", format: .json, mapping: [:],
                publishedAt: Date()),
            input: .feed(feed.baseURL.appendingPathComponent("listings"), pageSize: 10, follow: false), recordIdPath: "id",
            batchSize: 10,
            timing: ProducerTiming(
                pollInterval: .milliseconds(20), requestTimeout: .seconds(300), initialRetryDelay: .milliseconds(10),
                maximumRetryDelay: .milliseconds(100), maximumAttempts: 5),
            stateFile: FileManager.default.temporaryDirectory.appendingPathComponent("slow-feed-\(UUID().uuidString).json"))
        let producer = SourceProducer(configuration: configuration, publisher: publisher, logger: KafkaTestClients.logger)

        let ingesting = Task { try await producer.ingestAvailable() }
        for await _ in asked { break }
        ingesting.cancel()
        let error = try await #require(throws: SourceError.self) { try await ingesting.value }
        #expect(error.code == .cancelled, "\(error)")
        #expect(error.reason == "stopped while fetching", "stopped in the fetch itself, not first counted as a failure to retry")
        #expect(error.input?.contains("/listings") == true, "the error names the page")
        #expect(publisher.rawRecords.isEmpty && publisher.deadLetters.isEmpty)
    }
}
