import Schema

/// Where ingestion publishes: raw records, the catalog entry, dead letters, monitoring events.
public protocol RecordPublisher: Sendable {
    /// Publishes `messages`, each to its type's topic under its key, and returns once all are
    /// delivered; throws if any was not.
    func publish(_ messages: [any SchemaMessage]) async throws(SourceError)
}
