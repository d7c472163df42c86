/// A listing read out of a page.
struct ExtractedRecord: Sendable, Equatable {
    var recordId: String
    var payload: String
    var contentType: String

    /// A stable hash of the payload: equal payloads mean an unchanged listing.
    var hash: String { StableHash.of(payload) }
}
