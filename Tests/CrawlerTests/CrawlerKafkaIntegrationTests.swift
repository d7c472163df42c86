import Crawler
import Foundation
import Kafka
import Pipeline
import Scenario
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("Crawling the scenario website into a real tansu broker", .serialized)
struct CrawlerKafkaIntegrationTests {
    @Test("every reachable listing lands on homes.raw exactly once, after the site's catalog entry")
    func crawlPublishesEveryReachableListingToKafka() async throws {
        let fixture = try ScenarioFixture(listings: 120)
        defer { fixture.server.stop() }
        let reachable = Set(fixture.website.site.reachableListings.map(\.listingId))
        try #require(reachable.count < fixture.website.site.listings.count, "some listings are broken, so counting means something")

        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            let summary = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
            ) { producer in
                let crawler = Crawler(
                    site: fixture.site, settings: fixture.settings, publisher: KafkaPublisher(producer: producer),
                    logger: CrawlerTests.logger)
                try await crawler.announce()
                return try await crawler.crawl()
            }

            let raw = try await Self.read(.homesRaw, on: broker).map { try RawRecord.decode(from: Data($0.value)) }
            #expect(raw.count == reachable.count, "exactly once")
            #expect(Set(raw.map(\.recordId)) == reachable)
            #expect(summary.published == reachable.count)
            #expect(raw.allSatisfy { $0.sourceId == "us-listings-web" && $0.contentType == "application/ld+json" && $0.url != nil })
            let catalog = try await Self.read(.sourcesCatalog, on: broker).map { try SourceDescriptor.decode(from: Data($0.value)) }
            #expect(catalog.map(\.id) == ["us-listings-web"])
            let monitoring = try await Self.read(.pipelineMonitoring, on: broker).map { try MonitoringEvent.decode(from: Data($0.value)) }
            let failing = fixture.website.site.listings.filter { fixture.website.site.fault(of: $0) == .alwaysFails }
            #expect(monitoring.filter { $0.name == "pageFailed" }.count == failing.count)
            #expect(monitoring.filter { $0.name == "crawlFinished" }.first?.values["published"] == Double(reachable.count))
        }
    }

    static func read(_ topic: Topic, on broker: TansuBroker) async throws -> [KafkaConsumerMessage] {
        try await TopicContents.read(topic: topic.name, partitions: topic.defaultPartitionCount, bootstrapServers: broker.bootstrapServers)
    }
}
