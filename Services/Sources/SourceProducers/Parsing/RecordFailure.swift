/// Input that could not become a record: where it was, what it was, and why.
public struct RecordFailure: Sendable, Equatable {
    /// Where in the input, for example `batch-00001.csv:17`; part of the dead letter's key.
    public var location: String
    /// The offending text as read (a line, a row, a partial element).
    public var text: String
    /// A stable code, namespaced `ingestion.`, for example `ingestion.csvFieldCount`.
    public var code: String
    /// The field concerned, when one is.
    public var field: String?
    /// A human-readable explanation naming line and column where known.
    public var message: String

    /// Creates a failure.
    public init(location: String, text: String, code: String, field: String? = nil, message: String) {
        self.location = location
        self.text = text
        self.code = code
        self.field = field
        self.message = message
    }
}
