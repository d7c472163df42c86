import Schema

/// Publishes schema messages, each on its type's topic under its key, and returns once all
/// of them are delivered.
///
/// The crawler, the source producers and every stream service publish through it; tests
/// substitute a recording publisher where no broker is needed.
public protocol MessagePublisher: Sendable {
    /// Publishes `messages` and waits for their delivery.
    /// - Throws: ``PipelineError`` when a message cannot be encoded or delivered.
    func publish(_ messages: [any SchemaMessage]) async throws(PipelineError)
}
