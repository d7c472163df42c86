import Schema

/// What a stage made of one consumed message: the messages it produced, or why it failed.
public struct MessageOutcome: Sendable {
    /// The messages to publish for the input (none is fine: a message may be absorbed).
    public var outputs: [any SchemaMessage]
    /// Why the input could not be processed; empty on success. A failed input goes to the
    /// dead-letter topic and its outputs are not published.
    public var failures: [FailureReason]

    /// An input processed into `outputs`.
    public static func produced(_ outputs: [any SchemaMessage]) -> MessageOutcome {
        MessageOutcome(outputs: outputs, failures: [])
    }

    /// An input that failed for `reasons`.
    public static func failed(_ reasons: [FailureReason]) -> MessageOutcome {
        MessageOutcome(outputs: [], failures: reasons.isEmpty ? [FailureReason(code: "unknown", message: "failed")] : reasons)
    }

    /// Whether the input failed.
    public var isFailure: Bool { !failures.isEmpty }
}
