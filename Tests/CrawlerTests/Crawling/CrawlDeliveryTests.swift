import Crawler
import Foundation
import Pipeline
import Schema
import Synchronization
import TestSupport
import Testing

/// A publisher whose broker is down: every raw record fails to be delivered; everything else
/// is kept.
private final class BrokerDownPublisher: MessagePublisher {
    let attempted = Mutex<[String]>([])

    func publish(_ messages: [any SchemaMessage]) async throws(PipelineError) {
        let records = messages.compactMap { $0 as? RawRecord }
        guard records.isEmpty else {
            attempted.withLock { $0 += records.map(\.recordId) }
            throw PipelineError(.publishFailed, reason: "Local: Message timed out (broker down)", input: "homes.raw")
        }
    }
}

@Suite("Publishing while fetching, and never marking an undelivered page done")
struct CrawlDeliveryTests {
    @Test("pages whose records were not delivered are fetched and published again after a restart")
    func undeliveredPagesAreFetchedAgain() async throws {
        let fixture = try ScenarioFixture(listings: 60)
        defer { fixture.server.stop() }
        let down = BrokerDownPublisher()
        await #expect(throws: CrawlerError.self) {
            try await Crawler(site: fixture.site, settings: fixture.settings, publisher: down, logger: CrawlerTests.logger).crawl()
        }
        let undelivered = Set(down.attempted.withLock { $0 })
        #expect(!undelivered.isEmpty, "records were fetched and handed over")
        let fetchedBefore = fixture.website.site.requestLog.count

        let publisher = RecordingPublisher()
        _ = try await Crawler(site: fixture.site, settings: fixture.settings, publisher: publisher, logger: CrawlerTests.logger).crawl()
        let published = Set(publisher.rawRecords.map(\.recordId))
        #expect(published == Set(fixture.website.site.reachableListings.map(\.listingId)))
        #expect(undelivered.isSubset(of: published), "every undelivered record is published after the restart")
        let refetched = fixture.website.site.requestLog.dropFirst(fetchedBefore)
        for id in undelivered {
            #expect(refetched.contains("/listing/\(id)"), "listing \(id) was fetched again, not taken as done")
        }
    }

    @Test("a changed extraction rule is applied to pages that answer 304 Not Modified")
    func changedRulesReExtractUnchangedPages() async throws {
        let fixture = try ScenarioFixture(listings: 40)
        defer { fixture.server.stop() }
        var site = fixture.site
        site.extraction = .jsonLD(types: ["Apartment"], recordIdPath: "identifier")
        let publisher = RecordingPublisher()
        let wrong = try await Crawler(site: site, settings: fixture.settings, publisher: publisher, logger: CrawlerTests.logger).crawl()
        #expect(publisher.rawRecords.isEmpty)
        #expect(wrong.deadLetters > 0)

        let unchanged = try await Crawler(site: site, settings: fixture.settings, publisher: publisher, logger: CrawlerTests.logger)
            .crawl()
        #expect(unchanged.notModified > 0, "the same rules make conditional requests")

        site.extraction = .jsonLD(types: ["SingleFamilyResidence"], recordIdPath: "identifier")
        let fixed = try await Crawler(site: site, settings: fixture.settings, publisher: publisher, logger: CrawlerTests.logger).crawl()
        #expect(Set(publisher.rawRecords.map(\.recordId)) == Set(fixture.website.site.reachableListings.map(\.listingId)))
        #expect(fixed.published == fixture.website.site.reachableListings.count)

        publisher.reset()
        let again = try await Crawler(site: site, settings: fixture.settings, publisher: publisher, logger: CrawlerTests.logger).crawl()
        #expect(publisher.rawRecords.isEmpty, "once read under the new rules, pages are conditional again")
        #expect(again.notModified > 0)
    }
}
