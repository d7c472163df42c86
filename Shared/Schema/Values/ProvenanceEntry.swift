import Foundation

/// One source's value for one field of a canonical ``Home``.
public struct ProvenanceEntry: Codable, Sendable, Equatable {
    /// The id of the source that gave the value.
    public var sourceId: String

    /// The id of the record, within that source, that gave the value.
    public var recordId: String

    /// The value as the source gave it, before parsing, for example `"1200 sqft"`.
    public var value: String

    /// When the record was fetched.
    public var fetchedAt: Date

    /// Whether the merged home uses this value.
    public var chosen: Bool

    /// Creates a provenance entry.
    ///
    /// - Parameters:
    ///   - sourceId: The id of the source that gave the value.
    ///   - recordId: The id of the record that gave the value.
    ///   - value: The value as the source gave it.
    ///   - fetchedAt: When the record was fetched.
    ///   - chosen: Whether the merged home uses this value.
    public init(sourceId: String, recordId: String, value: String, fetchedAt: Date, chosen: Bool) {
        self.sourceId = sourceId
        self.recordId = recordId
        self.value = value
        self.fetchedAt = fetchedAt
        self.chosen = chosen
    }
}
