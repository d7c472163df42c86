import Foundation
import Logging

/// The robots.txt rules of each host, fetched once per crawl through the same per-host
/// politeness schedule as pages (concurrent askers wait for the one request).
actor RobotsCache {
    private var rules: [String: RobotsRules] = [:]
    private var waiting: [String: [CheckedContinuation<RobotsRules, Never>]] = [:]
    private let fetcher: PageFetcher
    private let scheduler: HostScheduler
    private let settings: CrawlerSettings
    private let logger: Logger

    init(fetcher: PageFetcher, scheduler: HostScheduler, settings: CrawlerSettings, logger: Logger) {
        self.fetcher = fetcher
        self.scheduler = scheduler
        self.settings = settings
        self.logger = logger
    }

    /// The rules for the host of `url`, read after RFC 9309 §2.3.1: 200 gives the file's rules;
    /// a missing file (a 4xx) allows all; a server error (5xx) or no answer at all, still so
    /// after `retry.maximumAttempts` polite attempts, disallows all for this crawl (logged), so a
    /// site in trouble is not crawled as if it had no rules; the next crawl asks again. A 429
    /// (too many requests), which the RFC counts as a missing file, is taken as a server error
    /// here: a site asking to slow down is not one to crawl everywhere at once.
    func rules(for url: URL) async -> RobotsRules {
        let origin = Self.origin(of: url)
        if let known = rules[origin] { return known }
        if waiting[origin] != nil {
            return await withCheckedContinuation { waiting[origin, default: []].append($0) }
        }
        waiting[origin] = []
        let fetched: RobotsRules
        do {
            fetched = try await fetchRules(origin: origin, host: Self.hostKey(of: url))
            rules[origin] = fetched
        } catch {
            // Cancelled before asking: nothing may be queued, and nothing is remembered.
            fetched = Self.disallowAll
        }
        for continuation in waiting.removeValue(forKey: origin) ?? [] { continuation.resume(returning: fetched) }
        return fetched
    }

    /// Asks for `origin`'s robots.txt, each attempt in a slot of the host's politeness schedule.
    /// - Throws: `CancellationError` only.
    private func fetchRules(origin: String, host: String) async throws -> RobotsRules {
        guard let robotsURL = URL(string: origin + "/robots.txt") else { return .allowAll }
        var last = "no answer"
        let attempts = settings.attempts
        for (_, backoff) in attempts {
            try await Task.sleep(for: backoff)
            try await Task.sleep(for: await scheduler.reserve(host, delay: settings.politenessDelay))
            do {
                let result = try await fetcher.fetch(robotsURL, memory: nil)
                if result.status == 200 { return RobotsRules(text: result.body, userAgent: settings.userAgent) }
                if result.status < 500 && result.status != 429 { return .allowAll }
                last = "HTTP status \(result.status)"
            } catch {
                try Task.checkCancellation()
                last = error.reason
            }
        }
        logger.warning(
            "robots.txt unreachable: the host is not crawled this time",
            metadata: ["url": "\(robotsURL)", "attempts": "\(attempts.count)", "last": "\(last)"])
        return Self.disallowAll
    }

    private static let disallowAll = RobotsRules(text: "User-agent: *\nDisallow: /\n", userAgent: "")

    /// `scheme://host[:port]`.
    static func origin(of url: URL) -> String {
        "\(url.scheme ?? "http")://\(hostKey(of: url))"
    }

    /// `host[:port]`, as allowed hosts are written.
    static func hostKey(of url: URL) -> String {
        (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")
    }
}
