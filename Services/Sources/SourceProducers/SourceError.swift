import Pipeline

/// The one error type of the source producers: a stable code, a reason, and the input (a
/// configuration key, a file, a record key) that caused it.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier of what went wrong.
    public enum Code: String, Sendable, Equatable {
        /// A configuration value is missing or invalid.
        case invalidConfiguration
        /// An input file or folder cannot be read.
        case inputUnreadable
        /// A record could not be encoded or published.
        case publishFailed
        /// The state file cannot be read or written.
        case stateFailed
        /// A feed could not be fetched.
        case fetchFailed
        /// The producer was stopped (graceful shutdown) while it fetched a feed page, waited to retry
        /// or paced its publishing.
        case cancelled
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation.
    public let reason: String
    /// The input that caused it.
    public let input: String?

    /// Creates an error.
    public init(code: Code, reason: String, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    /// `code: reason [input]`.
    public var description: String {
        "\(code.rawValue): \(reason)" + (input.map { " [\($0)]" } ?? "")
    }
}

extension SourceError {
    /// A publishing failure of the shared publisher, as a source error.
    init(publishing error: PipelineError) {
        self.init(code: .publishFailed, reason: error.reason, input: error.input)
    }
}
