/// One record read from an input: its id within the source and its payload as delivered.
public struct ParsedRecord: Sendable, Equatable {
    /// The record id.
    public var recordId: String
    /// The payload: a JSON document, a CSV header line plus row, or an XML element.
    public var payload: String
    /// Where it was read, for example `batch-00001.csv:17`.
    public var location: String

    /// Creates a record.
    public init(recordId: String, payload: String, location: String) {
        self.recordId = recordId
        self.payload = payload
        self.location = location
    }
}
