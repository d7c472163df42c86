/// What one crawl did.
public struct CrawlSummary: Sendable, Equatable {
    /// Pages requested (each page once, however many attempts).
    public var pagesFetched = 0
    /// Listing records published.
    public var published = 0
    /// Pages answered `304 Not Modified`.
    public var notModified = 0
    /// Listing pages fetched whose record had not changed.
    public var unchanged = 0
    /// Pages whose `<link rel="canonical">` names another page, which is crawled instead.
    public var canonicalAliases = 0
    /// Pages given up on after every retry, reported on `pipeline.monitoring`.
    public var failed = 0
    /// Listing pages without a readable record, sent to `homes.deadletter`.
    public var deadLetters = 0

    /// Creates an empty summary.
    public init() {}

    mutating func add(_ other: CrawlSummary) {
        pagesFetched += other.pagesFetched
        published += other.published
        notModified += other.notModified
        unchanged += other.unchanged
        canonicalAliases += other.canonicalAliases
        failed += other.failed
        deadLetters += other.deadLetters
    }
}
