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

    /// The rules for the host of `url`: a robots.txt answering other than 200 allows all.
    func rules(for url: URL) async -> RobotsRules {
        let origin = Self.origin(of: url)
        if let known = rules[origin] { return known }
        if waiting[origin] != nil {
            return await withCheckedContinuation { waiting[origin, default: []].append($0) }
        }
        waiting[origin] = []
        var fetched = RobotsRules.allowAll
        let wait = await scheduler.reserve(Self.hostKey(of: url), delay: settings.politenessDelay)
        do {
            try await Task.sleep(for: wait)
            if let robotsURL = URL(string: origin + "/robots.txt"), let result = try? await fetcher.fetch(robotsURL, memory: nil),
                result.status == 200
            {
                fetched = RobotsRules(text: result.body, userAgent: settings.userAgent)
            }
            rules[origin] = fetched
        } catch {
            // Cancelled before asking: nothing may be queued, and nothing is remembered.
            fetched = Self.disallowAll
        }
        for continuation in waiting.removeValue(forKey: origin) ?? [] { continuation.resume(returning: fetched) }
        return fetched
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
