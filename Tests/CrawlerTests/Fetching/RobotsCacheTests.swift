import Foundation
import ServiceSupport
import Synchronization
import Testing

@testable import Crawler

/// How each answer to robots.txt is read (RFC 9309 §2.3.1): rules, no rules, or no crawl.
@Suite("robots.txt answers")
struct RobotsCacheTests {
    private static func settings(attempts: Int) -> CrawlerSettings {
        CrawlerSettings(
            userAgent: "HomePriceCrawler/test", politenessDelay: .zero, maximumConcurrency: 1, maximumPendingDeliveries: 1,
            maximumAttempts: attempts, initialBackoff: .zero, requestTimeout: .seconds(60), stateFile: URL(fileURLWithPath: "/dev/null"))
    }

    /// The rules a crawl with `attempts` tries reads from a site whose robots.txt answers each
    /// request with the next of `statuses` (the last one again when they run out), and how many
    /// requests it made.
    private func rules(answering statuses: [Int], attempts: Int) async throws -> (rules: RobotsRules, requests: Int) {
        let requests = Mutex(0)
        let server = try LocalHTTPServer { request in
            let count = requests.withLock { count in
                count += 1
                return count
            }
            let status = statuses[min(count, statuses.count) - 1]
            return .text(status == 200 ? "User-agent: *\nDisallow: /private/\n" : "unavailable\n", status: status)
        }
        defer { server.stop() }
        let settings = Self.settings(attempts: attempts)
        let cache = RobotsCache(
            fetcher: PageFetcher(settings: settings), scheduler: HostScheduler(), settings: settings, logger: CrawlerTests.logger)
        let rules = await cache.rules(for: server.baseURL.appendingPathComponent("homes/"))
        return (rules, requests.withLock { $0 })
    }

    @Test("a file's rules apply; a missing file (404, 410) allows everything")
    func rulesOrNone() async throws {
        let found = try await rules(answering: [200], attempts: 3)
        #expect(!found.rules.allows("/private/x") && found.rules.allows("/homes/") && found.requests == 1)
        for status in [404, 410] {
            let missing = try await rules(answering: [status], attempts: 3)
            #expect(missing.rules.allows("/private/x") && missing.requests == 1, "\(status)")
        }
    }

    @Test("a server error or 429 is asked again; one that lasts disallows everything for the crawl")
    func serverErrors() async throws {
        for status in [500, 503, 429] {
            let down = try await rules(answering: [status], attempts: 3)
            #expect(!down.rules.allows("/homes/") && !down.rules.allows("/"), "\(status)")
            #expect(down.requests == 3, "\(status): every attempt asked")
        }
        let recovered = try await rules(answering: [503, 200], attempts: 3)
        #expect(recovered.rules.allows("/homes/") && !recovered.rules.allows("/private/x") && recovered.requests == 2)
    }

    @Test("a host that does not answer at all is not crawled this time")
    func noAnswer() async throws {
        let server = try LocalHTTPServer { _ in .notFound }
        let closed = server.baseURL
        server.stop()
        let settings = Self.settings(attempts: 2)
        let cache = RobotsCache(
            fetcher: PageFetcher(settings: settings), scheduler: HostScheduler(), settings: settings, logger: CrawlerTests.logger)
        let rules = await cache.rules(for: closed.appendingPathComponent("homes/"))
        #expect(!rules.allows("/homes/") && !rules.allows("/"))
    }
}
