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
    /// Crawls `fixture`'s website once, extracting by `rule` (the fixture's own rule when
    /// `nil`), publishing to `publisher`.
    private static func crawl(
        _ fixture: ScenarioFixture, by rule: ExtractionRule? = nil, to publisher: RecordingPublisher
    ) async throws -> CrawlSummary {
        var site = fixture.site
        if let rule { site.extraction = rule }
        return try await Crawler(site: site, settings: fixture.settings, publisher: publisher, logger: CrawlerTests.logger).crawl()
    }

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
        _ = try await Self.crawl(fixture, to: publisher)
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
        let wrongRule = ExtractionRule.jsonLD(types: ["Apartment"], recordIdPath: "identifier")
        let publisher = RecordingPublisher()
        let wrong = try await Self.crawl(fixture, by: wrongRule, to: publisher)
        #expect(publisher.rawRecords.isEmpty)
        #expect(wrong.deadLetters > 0)

        let unchanged = try await Self.crawl(fixture, by: wrongRule, to: publisher)
        #expect(unchanged.notModified > 0, "the same rules make conditional requests")

        let rule = ExtractionRule.jsonLD(types: ["SingleFamilyResidence"], recordIdPath: "identifier")
        let fixed = try await Self.crawl(fixture, by: rule, to: publisher)
        #expect(Set(publisher.rawRecords.map(\.recordId)) == Set(fixture.website.site.reachableListings.map(\.listingId)))
        #expect(fixed.published == fixture.website.site.reachableListings.count)

        publisher.reset()
        let again = try await Self.crawl(fixture, by: rule, to: publisher)
        #expect(publisher.rawRecords.isEmpty, "once read under the new rules, pages are conditional again")
        #expect(again.notModified > 0)
    }

    @Test("new rules that change only where the record id is read publish every listing again under its new id")
    func changedRecordIdRepublishes() async throws {
        let fixture = try ScenarioFixture(listings: 30)
        defer { fixture.server.stop() }
        let publisher = RecordingPublisher()
        _ = try await Self.crawl(fixture, by: .jsonLD(types: ["SingleFamilyResidence"], recordIdPath: "identifier"), to: publisher)
        let listings = fixture.website.site.reachableListings
        #expect(Set(publisher.rawRecords.map(\.recordId)) == Set(listings.map(\.listingId)))

        publisher.reset()
        let renamed = try await Self.crawl(fixture, by: .jsonLD(types: ["SingleFamilyResidence"], recordIdPath: "url"), to: publisher)
        #expect(renamed.published == listings.count, "the payloads are the same; the ids are not")
        let ids = publisher.rawRecords.map(\.recordId)
        #expect(ids.allSatisfy { $0.hasPrefix("http://") && $0.contains("/listing/") }, "\(ids.prefix(3))")
        #expect(Set(ids.compactMap { $0.split(separator: "/").last.map(String.init) }) == Set(listings.map(\.listingId)))
    }
}
