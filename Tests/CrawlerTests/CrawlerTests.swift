import Crawler
import Foundation
import Logging
import Scenario
import Schema
import TestSupport
import Testing

@Suite("Crawling the scenario website")
struct CrawlerTests {
    static let logger: Logger = {
        var logger = Logger(label: "crawler-tests")
        logger.logLevel = .error
        return logger
    }()

    @Test("every reachable listing is published exactly once and disallowed paths are never fetched")
    func publishesEveryReachableListingOnce() async throws {
        let fixture = try ScenarioFixture(listings: 80)
        defer { fixture.server.stop() }
        let publisher = RecordingPublisher()
        let summary = try await Crawler(site: fixture.site, settings: fixture.settings, publisher: publisher, logger: Self.logger).crawl()

        let published = publisher.rawRecords.map(\.recordId)
        #expect(published.count == Set(published).count)
        #expect(Set(published) == Set(fixture.website.site.reachableListings.map(\.listingId)))
        #expect(summary.published == published.count)
        let log = fixture.website.site.requestLog
        #expect(!log.contains { $0.hasPrefix("/admin/") || $0.hasPrefix("/private/") || $0.hasPrefix("/search?sort=") })
        #expect(log.contains("/robots.txt"))
    }

    @Test("broken pages are retried, then reported on pipeline.monitoring, and the crawl goes on")
    func brokenPagesAreRetriedThenReported() async throws {
        let fixture = try ScenarioFixture(listings: 40)
        defer { fixture.server.stop() }
        let publisher = RecordingPublisher()
        _ = try await Crawler(site: fixture.site, settings: fixture.settings, publisher: publisher, logger: Self.logger).crawl()

        let failing = fixture.website.site.listings.filter { fixture.website.site.fault(of: $0) == .alwaysFails }
        #expect(!failing.isEmpty)
        for listing in failing {
            #expect(fixture.website.site.requestLog.filter { $0 == "/listing/\(listing.listingId)" }.count == 3)
        }
        let alerts = publisher.monitoringEvents.filter { $0.name == "pageFailed" }
        #expect(Set(alerts.compactMap { $0.labels["url"]?.components(separatedBy: "/").last }) == Set(failing.map(\.listingId)))
        let flaky = fixture.website.site.listings.filter { fixture.website.site.fault(of: $0) == .failsOnce }
        #expect(Set(flaky.map(\.listingId)).isSubset(of: Set(publisher.rawRecords.map(\.recordId))))
    }

    @Test("a second crawl of unchanged pages publishes nothing; changed pages are published again")
    func recrawlPublishesOnlyChanges() async throws {
        let fixture = try ScenarioFixture(listings: 60)
        defer { fixture.server.stop() }
        let publisher = RecordingPublisher()
        let crawler = Crawler(site: fixture.site, settings: fixture.settings, publisher: publisher, logger: Self.logger)
        _ = try await crawler.crawl()

        publisher.reset()
        let second = try await crawler.crawl()
        #expect(publisher.rawRecords.isEmpty)
        #expect(second.notModified > 0)
        #expect(second.unchanged > 0, "pages without validators are recognised by their content hash")

        let revision = fixture.website.site.advanceRevision()
        publisher.reset()
        _ = try await crawler.crawl()
        let expected = fixture.website.site.listingsChanged(at: revision).filter { fixture.website.site.fault(of: $0) != .alwaysFails }
        #expect(Set(publisher.rawRecords.map(\.recordId)) == Set(expected.map(\.listingId)))
        #expect(publisher.rawRecords.count == expected.count)
    }

    @Test("a crawl cancelled midway resumes after restart without publishing finished pages again")
    func restartResumesWithoutRepublishing() async throws {
        let fixture = try ScenarioFixture(listings: 80)
        defer { fixture.server.stop() }
        // Deliveries are held after 20 records, so the cancel lands midway on any machine.
        let publisher = GatedPublisher(closingAfter: 20)
        let site = fixture.site, settings = fixture.settings
        let first = Task { try await Crawler(site: site, settings: settings, publisher: publisher, logger: Self.logger).crawl() }
        try await waitUntil(deadline: .seconds(600)) { publisher.rawRecordsPassed >= 20 }
        first.cancel()
        _ = await first.result
        let beforeRestart = publisher.recorder.rawRecords.count
        #expect(beforeRestart >= 20 && beforeRestart < fixture.website.site.reachableListings.count, "the crawl was interrupted")

        publisher.open()
        _ = try await Crawler(site: site, settings: settings, publisher: publisher, logger: Self.logger).crawl()
        let published = publisher.recorder.rawRecords.map(\.recordId)
        #expect(published.count == Set(published).count, "nothing was published twice")
        #expect(Set(published) == Set(fixture.website.site.reachableListings.map(\.listingId)))
    }

    /// Polls `condition` until it holds or the deadline passes.
    private func waitUntil(deadline: Duration, _ condition: @Sendable () -> Bool) async throws {
        let end = ContinuousClock.now.advanced(by: deadline)
        while !condition() {
            try #require(ContinuousClock.now < end, "condition not met before the deadline")
            await Task.yield()
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
