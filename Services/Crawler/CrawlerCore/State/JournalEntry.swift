/// One line of the crawl journal.
struct JournalEntry: Codable, Sendable, Equatable {
    enum Event: String, Codable, Sendable {
        /// A crawl started; `discovered` and `done` entries after it belong to it.
        case begin
        /// A URL was queued at `depth`.
        case discovered
        /// A URL was processed in this crawl, with what to remember (`memory`) and the
        /// final HTTP `status` (0 when robots.txt disallows it).
        case done
        /// What is remembered of a page from earlier crawls (written when compacting).
        case page
        /// The crawl finished.
        case end
    }

    var event: Event
    var url: String?
    var depth: Int?
    var status: Int?
    var memory: PageMemory?
}
