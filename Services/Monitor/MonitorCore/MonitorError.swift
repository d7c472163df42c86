/// The one error type of the monitor: a stable code, a reason, and the input concerned (a
/// configuration key, a model version, a message position).
public struct MonitorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Code: String, Sendable, Equatable {
        /// A setting is missing or invalid.
        case invalidConfiguration
        /// A champion's model card cannot serve as a drift reference.
        case unusableCard
        /// A message could not be read.
        case unreadableMessage
        /// A review decision names a task nobody raised.
        case unknownReviewTask
        /// A review decision could not be written (the task is decided, or the broker refused it).
        case reviewFailed
    }

    /// What failed.
    public let code: Code
    /// Why, for a person.
    public let reason: String
    /// The key, version or position concerned.
    public let input: String?

    /// Creates an error.
    public init(_ code: Code, reason: String, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    /// `monitor <code>: <reason> [<input>]`.
    public var description: String {
        if let input { "monitor \(code.rawValue): \(reason) [\(input)]" } else { "monitor \(code.rawValue): \(reason)" }
    }
}
