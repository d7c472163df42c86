/// The answer to one page request.
struct FetchResult: Sendable {
    /// The HTTP status, 200 or 304 when successful.
    var status: Int
    /// The body as text (empty for 304).
    var body: String
    /// The `ETag` header.
    var etag: String?
    /// The `Last-Modified` header.
    var lastModified: String?
}
