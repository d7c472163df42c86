/// What kind of source produced a record.
public enum SourceKind: String, Codable, Sendable, CaseIterable {
    /// A listing website read by the crawler.
    case crawledSite

    /// A dataset file (CSV or JSON) published once or periodically.
    case datasetFile

    /// A real-estate agency's feed, typically JSON over HTTP.
    case agencyFeed

    /// A governmental register, such as recorded sales (CSV or XML).
    case governmentRecords

    /// Any other producer.
    case custom
}
