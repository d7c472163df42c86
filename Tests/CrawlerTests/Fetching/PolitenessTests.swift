import Foundation
import Testing

@testable import Crawler

@Suite("Per-host politeness")
struct PolitenessTests {
    private static func settings(delay: Duration) -> CrawlerSettings {
        CrawlerSettings(
            userAgent: "HomePriceCrawler/test", politenessDelay: delay, maximumConcurrency: 4, maximumPendingDeliveries: 8,
            maximumAttempts: 1, initialBackoff: .zero, requestTimeout: .seconds(60),
            stateFile: URL(fileURLWithPath: "/dev/null"))
    }

    @Test("robots.txt takes a slot of its host's politeness schedule, so the first page waits a whole delay after it")
    func robotsTakesASlot() async throws {
        let fixture = try ListingSiteFixture()
        defer { fixture.server.stop() }
        let settings = Self.settings(delay: .seconds(3_600))
        let scheduler = HostScheduler()
        let robots = RobotsCache(
            fetcher: PageFetcher(settings: settings), scheduler: scheduler, settings: settings, logger: CrawlerTests.logger)
        let page = fixture.server.baseURL.appendingPathComponent("homes/")

        let rules = await robots.rules(for: page)
        #expect(!rules.allows("/wp-admin/options.php") && rules.allows("/wp-admin/admin-ajax.php"))
        let wait = await scheduler.reserve(RobotsCache.hostKey(of: page), delay: settings.politenessDelay)
        #expect(wait > .seconds(3_000), "the page's slot comes one delay after robots.txt's")
    }

    @Test("pages asking for one host's rules at once wait for a single robots.txt request")
    func oneRobotsRequestPerHost() async throws {
        let fixture = try ListingSiteFixture()
        defer { fixture.server.stop() }
        let settings = Self.settings(delay: .zero)
        let robots = RobotsCache(
            fetcher: PageFetcher(settings: settings), scheduler: HostScheduler(), settings: settings, logger: CrawlerTests.logger)
        let base = fixture.server.baseURL
        async let first = robots.rules(for: base.appendingPathComponent("homes/"))
        async let second = robots.rules(for: base.appendingPathComponent("homes/840-seacliff-drive/"))
        async let third = robots.rules(for: base.appendingPathComponent("listing.php"))
        let answers = await [first, second, third]
        #expect(answers.allSatisfy { $0 == answers[0] && !$0.allows("/wp-admin/") })
        #expect(fixture.requests.map(\.target) == ["/robots.txt"])
    }
}
