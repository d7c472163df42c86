import Foundation

/// The robots.txt rules of each host, fetched once per crawl through the same per-host
/// politeness schedule as pages (concurrent askers wait for the one request).
actor RobotsCache {
    private var rules: [String: RobotsRules] = [:]
    private var waiting: [String: [CheckedContinuation<RobotsRules, Never>]] = [:]
    private let fetcher: PageFetcher
    private let scheduler: HostScheduler
    private let settings: CrawlerSettings

    init(fetcher: PageFetcher, scheduler: HostScheduler, settings: CrawlerSettings) {
        self.fetcher = fetcher
        self.scheduler = scheduler
        self.settings = settings
    }

    /// The rules for the host of `url`, as RFC 9309 §2.3.1 reads an answer: 200 gives the
    /// file's rules; a missing file (a 4xx other than 429) allows all; a server error (5xx,
    /// 429) or no answer at all, still so after `retry.maximumAttempts` polite attempts,
    /// disallows all for this crawl, so a site in trouble is not crawled as if it had no rules
    /// (the next crawl asks again).
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
        for attempt in 1...max(1, settings.maximumAttempts) {
            if attempt > 1 { try await Task.sleep(for: settings.initialBackoff * (1 << (attempt - 2))) }
            try await Task.sleep(for: await scheduler.reserve(host, delay: settings.politenessDelay))
            switch try? await fetcher.fetch(robotsURL, memory: nil) {
            case let result? where result.status == 200: return RobotsRules(text: result.body, userAgent: settings.userAgent)
            case let result? where result.status < 500 && result.status != 429: return .allowAll
            case .some, nil: try Task.checkCancellation()
            }
        }
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
