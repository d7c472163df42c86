import Schema

/// What processing one page gave: what to publish, what to remember once that is delivered,
/// and where to go next.
struct PageOutcome: Sendable {
    /// The page, as queued.
    let url: String
    /// The depth it was found at.
    let depth: Int
    /// The counts it adds to the crawl's summary.
    var summary = CrawlSummary()
    /// The record, dead letter or failure alert to deliver before the page counts as done.
    var messages: [any SchemaMessage] = []
    /// The final HTTP status (0: not fetched, -1: failed after every retry).
    var status = 0
    /// What to remember of the page.
    var memory: PageMemory?
    /// The links to queue one level deeper.
    var links: [String] = []
    /// The page's `<link rel="canonical">` when it names another page: that page is queued at
    /// the same depth and this one yields no record of its own.
    var canonical: String?
}
