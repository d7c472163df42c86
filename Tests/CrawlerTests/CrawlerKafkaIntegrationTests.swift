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

    @Test("with the broker down no listing is journalled done: after a restart against a running broker, each lands once")
    func brokerDownThenRestart() async throws {
        let fixture = try ScenarioFixture(listings: 60)
        defer { fixture.server.stop() }
        let reachable = Set(fixture.website.site.reachableListings.map(\.listingId))
        let site = fixture.site, settings = fixture.settings
        await #expect(throws: (any Error).self) {
            try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer("127.0.0.1:1", messageTimeoutMilliseconds: 1_500), logger: KafkaTestClients.logger
            ) { producer in
                try await Crawler(
                    site: site, settings: settings, publisher: KafkaPublisher(producer: producer), logger: CrawlerTests.logger
                )
                .crawl()
            }
        }
        let fetchedWhileDown = Set(fixture.website.site.requestLog.filter { $0.hasPrefix("/listing/") })
        #expect(!fetchedWhileDown.isEmpty)

        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            let requestsBefore = fixture.website.site.requestLog.count
            _ = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
            ) { producer in
                try await Crawler(
                    site: site, settings: settings, publisher: KafkaPublisher(producer: producer), logger: CrawlerTests.logger
                )
                .crawl()
            }
            let raw = try await Self.read(.homesRaw, on: broker).map { try RawRecord.decode(from: Data($0.value)) }
            #expect(raw.count == reachable.count && Set(raw.map(\.recordId)) == reachable, "every listing once")
            let refetched = Set(fixture.website.site.requestLog.dropFirst(requestsBefore))
            #expect(fetchedWhileDown.subtracting(refetched).isEmpty, "every page fetched while the broker was down is fetched again")
        }
    }

    static func read(_ topic: Topic, on broker: TansuBroker) async throws -> [KafkaConsumerMessage] {
        try await TopicContents.read(topic: topic.name, partitions: topic.defaultPartitionCount, bootstrapServers: broker.bootstrapServers)
    }
}
