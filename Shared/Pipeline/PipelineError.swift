/// A failure of the shared pipeline mechanisms: publishing, batch processing, reading a
/// compacted topic.
///
/// Like every HomePrice error it carries a stable ``code``, a human ``reason`` and the
/// ``input`` it concerns (a topic, a record key, a Kafka position).
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Code: String, Sendable, Equatable {
        /// A message could not be encoded as its schema's JSON.
        case encodingFailed
        /// The broker did not take a message (delivery or enqueue failure).
        case publishFailed
        /// The broker refused a message itself (too large, invalid): sending it again cannot
        /// succeed.
        case publishRejected
        /// A batch could not be processed as a whole (storage, delivery); its offsets stay
        /// unstored so it is processed again.
        case batchFailed
        /// A consumer failed while reading.
        case consumeFailed
    }

    /// What failed.
    public let code: Code
    /// Why, for a person.
    public let reason: String
    /// The topic, key or position concerned.
    public let input: String?

    /// Creates an error.
    public init(_ code: Code, reason: String, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    /// `pipeline <code>: <reason> [<input>]`.
    public var description: String {
        if let input { "pipeline \(code.rawValue): \(reason) [\(input)]" } else { "pipeline \(code.rawValue): \(reason)" }
    }
}
