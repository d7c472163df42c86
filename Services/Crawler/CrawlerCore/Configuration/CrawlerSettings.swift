import Foundation

/// How the crawler behaves on every site: politeness, concurrency, retries, timeouts, state.
public struct CrawlerSettings: Sendable, Equatable {
    /// The User-Agent sent and matched against robots.txt groups.
    public var userAgent: String
    /// The minimum time between two requests to one host (a robots.txt `Crawl-delay` that is
    /// longer wins); zero turns politeness off, for benchmarks.
    public var politenessDelay: Duration
    /// How many pages are fetched at once.
    public var maximumConcurrency: Int
    /// How many times a page is tried before it is reported failed.
    public var maximumAttempts: Int
    /// The delay before the first retry; it doubles with each further one.
    public var initialBackoff: Duration
    /// The timeout of one request.
    public var requestTimeout: Duration
    /// The journal file that lets a restarted crawl resume.
    public var stateFile: URL

    /// Creates settings.
    public init(
        userAgent: String = "HomePriceCrawler/1.0",
        politenessDelay: Duration = .milliseconds(200),
        maximumConcurrency: Int = 4,
        maximumAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(100),
        requestTimeout: Duration = .seconds(10),
        stateFile: URL
    ) {
        self.userAgent = userAgent
        self.politenessDelay = politenessDelay
        self.maximumConcurrency = maximumConcurrency
        self.maximumAttempts = maximumAttempts
        self.initialBackoff = initialBackoff
        self.requestTimeout = requestTimeout
        self.stateFile = stateFile
    }
}
