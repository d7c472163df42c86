import Foundation

/// How the crawler behaves on every site: politeness, concurrency, retries, timeouts, state.
///
/// There are no defaults in code: the values come from `configs/crawler.yaml` (see
/// ``CrawlerConfiguration/load(file:layout:)``).
public struct CrawlerSettings: Sendable, Equatable {
    /// The User-Agent sent and matched against robots.txt groups.
    public var userAgent: String
    /// The minimum time between two requests to one host (a robots.txt `Crawl-delay` that is
    /// longer wins); zero turns politeness off, for benchmarks.
    public var politenessDelay: Duration
    /// How many pages are fetched at once.
    public var maximumConcurrency: Int
    /// How many pages' messages may be on their way to the broker at once while fetching goes
    /// on; a page is journalled done only when its messages are delivered.
    public var maximumPendingDeliveries: Int
    /// How many times a page (or a host's robots.txt) is tried before it is reported failed.
    public var maximumAttempts: Int
    /// The delay before the first retry; it doubles with each further one.
    public var initialBackoff: Duration
    /// The timeout of one request.
    public var requestTimeout: Duration
    /// The journal file that lets a restarted crawl resume.
    public var stateFile: URL

    /// Creates settings.
    public init(
        userAgent: String,
        politenessDelay: Duration,
        maximumConcurrency: Int,
        maximumPendingDeliveries: Int,
        maximumAttempts: Int,
        initialBackoff: Duration,
        requestTimeout: Duration,
        stateFile: URL
    ) {
        self.userAgent = userAgent
        self.politenessDelay = politenessDelay
        self.maximumConcurrency = maximumConcurrency
        self.maximumPendingDeliveries = maximumPendingDeliveries
        self.maximumAttempts = maximumAttempts
        self.initialBackoff = initialBackoff
        self.requestTimeout = requestTimeout
        self.stateFile = stateFile
    }

    /// The attempts of one request, each after its back-off (none before the first, then
    /// ``initialBackoff``, doubling).
    var attempts: [(number: Int, backoff: Duration)] {
        (1...max(1, maximumAttempts)).map { ($0, $0 == 1 ? .zero : initialBackoff * (1 << ($0 - 2))) }
    }
}
