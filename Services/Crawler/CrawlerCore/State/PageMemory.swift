/// What the crawler remembers of a page between crawls.
struct PageMemory: Codable, Sendable, Equatable {
    /// The `ETag` the page was last served with.
    var etag: String?
    /// The `Last-Modified` the page was last served with.
    var lastModified: String?
    /// The hash of the record last published from the page.
    var recordHash: String?
    /// The links followed from the page, so a `304 Not Modified` page still leads on.
    var links: [String]
    /// The ``SiteConfiguration/rulesFingerprint`` the page was last read under; when the rules
    /// change, the page is fetched whole again and re-extracted.
    var rulesHash: String?
}
