import Foundation

/// One record exactly as a source delivered it, before any parsing.
///
/// Published on ``Topic/homesRaw`` by the crawler and the source producers, keyed
/// `sourceId/recordId`. The normalizer reads ``payload`` with the source's
/// ``SourceDescriptor`` mapping.
public struct RawRecord: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/homesRaw``.
    public static let topic = Topic.homesRaw

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The id of the source, matching its ``SourceDescriptor/id``.
    public var sourceId: String

    /// The record's id within the source: a listing id, a file row key, a register number.
    public var recordId: String

    /// The market region, an ISO 3166-1 alpha-2 code such as `"US"`.
    public var region: String

    /// When the record was fetched from the source.
    public var fetchedAt: Date

    /// The MIME type of ``payload``, for example `"application/json"`, `"text/csv"`,
    /// `"application/xml"` or `"text/html"`.
    public var contentType: String

    /// The record exactly as the source gave it: a JSON document, a CSV line with its header
    /// line, an XML element, or the extracted part of a page.
    public var payload: String

    /// The address the record was fetched from, when it has one.
    public var url: URL?

    /// Producer-specific facts about the fetch, for example `["httpStatus": "200"]`.
    public var metadata: [String: String]?

    /// `sourceId/recordId`.
    public var key: String { "\(sourceId)/\(recordId)" }

    /// Creates a raw record.
    ///
    /// - Parameters:
    ///   - sourceId: The id of the source.
    ///   - recordId: The record's id within the source.
    ///   - region: The market region.
    ///   - fetchedAt: When the record was fetched.
    ///   - contentType: The MIME type of `payload`.
    ///   - payload: The record exactly as the source gave it.
    ///   - url: The address the record was fetched from.
    ///   - metadata: Producer-specific facts about the fetch.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        sourceId: String,
        recordId: String,
        region: String,
        fetchedAt: Date,
        contentType: String,
        payload: String,
        url: URL? = nil,
        metadata: [String: String]? = nil,
        schemaVersion: Int = RawRecord.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.sourceId = sourceId
        self.recordId = recordId
        self.region = region
        self.fetchedAt = fetchedAt
        self.contentType = contentType
        self.payload = payload
        self.url = url
        self.metadata = metadata
    }
}
