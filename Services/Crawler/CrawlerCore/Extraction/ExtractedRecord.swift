/// A listing read out of a page.
struct ExtractedRecord: Sendable, Equatable {
    var recordId: String
    var payload: String
    var contentType: String

    /// A stable hash of what is published: equal hashes mean an unchanged listing. The record id
    /// and content type count as well as the payload, so new extraction rules that change only
    /// the id (`recordIdPath`) publish the listing again under its new id.
    var hash: String { StableHash.of([recordId, contentType, payload].joined(separator: "\n")) }
}
