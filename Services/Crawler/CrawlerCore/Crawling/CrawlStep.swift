/// What one child task of a crawl finished: a page fetched and read, or a page's messages
/// delivered (and the page marked done).
enum CrawlStep: Sendable {
    /// A page was fetched and read; its messages are not delivered yet.
    case fetched(PageOutcome)
    /// A page's messages were delivered and the page journalled done.
    case delivered
}
