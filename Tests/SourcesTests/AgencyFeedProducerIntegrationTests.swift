import Foundation
import Kafka
import Pipeline
import Scenario
import Schema
import ServiceSupport
import Sources
import TestSupport
import Testing

@Suite("The agency-feed producer against the scenario's feed and a real tansu broker", .serialized)
struct AgencyFeedProducerIntegrationTests {
    @Test("the cursor resumes after a restart and an invalid page is dead-lettered once, not on every poll")
    func cursorResumesAndInvalidPageIsReportedOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ScenarioGenerator(
            parameters: .init(seed: 11, homes: 1_000, output: folder, seedData: TestProject.layout.root.appendingPathComponent("data"))
        ).generate()
        let source = ScenarioSource.usAgencyFlat
        let items = try AgencyFeed(path: "", contentsOf: folder.appendingPathComponent(source.relativePath)).items
        let truth = try String(contentsOf: folder.appendingPathComponent("ground-truth.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(GroundTruthEntry.self, from: Data($0.utf8)) }
            .filter { $0.sourceId == source.id }
        try #require(items.count == truth.count && items.count > 160, "the feed serves the generated records")
        let stateFile = folder.appendingPathComponent("state/\(source.id).json")
        var broken = items
        broken[150] = #"{"listingId": "A-broken", "price": "#

        try await TestProject.withBroker { broker in
            for topic in [Topic.homesRaw, .homesDeadLetter, .sourcesCatalog] {
                try await KafkaTestClients.createTopic(topic.name, partitions: topic.defaultPartitionCount, on: broker.bootstrapServers)
            }
            try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
            ) { kafka in
                let publisher = KafkaPublisher(producer: kafka)
                // The agency has published 100 listings so far.
                let first = try await Self.serving(Array(items[0..<100])) { url in
                    try await Self.producer(url, stateFile: stateFile, publisher: publisher).ingestAvailable()
                }
                #expect(first == Self.summary(records: 100))

                // Later the feed has grown, and one listing is not valid JSON. A restarted producer
                // resumes at its cursor, dead-letters the invalid page, and keeps polling without
                // reporting it again, across restarts too.
                let (second, polls, afterRestart) = try await Self.serving(broken) { url in
                    let producer = Self.producer(url, stateFile: stateFile, publisher: publisher)
                    let second = try await producer.ingestAvailable()
                    let polls = [try await producer.ingestAvailable(), try await producer.ingestAvailable()]
                    let afterRestart = try await Self.producer(url, stateFile: stateFile, publisher: publisher).ingestAvailable()
                    return (second, polls, afterRestart)
                }
                #expect(second == Self.summary(records: 30, deadLetters: 1), "page 100–129 published, page 130–159 rejected")
                #expect(polls == [IngestionSummary(), IngestionSummary()], "the same invalid page is not reported on every poll")
                #expect(afterRestart == IngestionSummary(), "nor after a restart")

                // The agency fixes the listing: the page is read and the feed finishes.
                let third = try await Self.serving(items) { url in
                    try await Self.producer(url, stateFile: stateFile, publisher: publisher).ingestAvailable()
                }
                #expect(third == Self.summary(records: items.count - 130))
            }

            let raw = try await TopicContents.read(
                topic: Topic.homesRaw.name, partitions: Topic.homesRaw.defaultPartitionCount, bootstrapServers: broker.bootstrapServers
            ).map { try RawRecord.decode(from: Data($0.value)) }
            #expect(raw.count == items.count, "every listing exactly once")
            #expect(Set(raw.map(\.key)) == Set(truth.map(\.key)))
            #expect(raw.allSatisfy { $0.region == "US" && $0.contentType == "application/json" })
            let dead = try await TopicContents.read(
                topic: Topic.homesDeadLetter.name, partitions: Topic.homesDeadLetter.defaultPartitionCount,
                bootstrapServers: broker.bootstrapServers
            ).map { try DeadLetter.decode(from: Data($0.value)) }
            #expect(dead.count == 1)
            #expect(dead.first?.reasons.map(\.code) == ["ingestion.invalidFeedPage"])
            #expect(dead.first?.originalKey == "\(source.id)/page:130")
        }
    }

    /// Serves `items` as the us-agency-flat feed while `body` runs with the feed's URL.
    static func serving<Value: Sendable>(_ items: [String], _ body: (URL) async throws -> Value) async throws -> Value {
        let source = ScenarioSource.usAgencyFlat
        let path = ScenarioWebsite.feedPath(of: source)
        let server = try ScenarioWebsite(site: ListingSite(listings: []), feeds: [AgencyFeed(path: path, items: items)]).serve()
        defer { server.stop() }
        return try await body(server.baseURL.appendingPathComponent(path))
    }

    static func producer(_ url: URL, stateFile: URL, publisher: any MessagePublisher) -> SourceProducer {
        let source = ScenarioSource.usAgencyFlat
        let configuration = ProducerConfiguration(
            descriptor: SourceDescriptor(
                id: source.id, name: source.id, kind: source.kind, region: source.region.rawValue, currency: source.region.currency,
                format: source.format, mapping: [:], publishedAt: Date()),
            input: .feed(url, pageSize: 30, follow: false), recordIdPath: "listingId", batchSize: 100, timing: .fastForTests,
            stateFile: stateFile)
        return SourceProducer(configuration: configuration, publisher: publisher, logger: KafkaTestClients.logger)
    }

    static func summary(records: Int, deadLetters: Int = 0) -> IngestionSummary {
        var summary = IngestionSummary()
        summary.records = records
        summary.deadLetters = deadLetters
        return summary
    }
}
