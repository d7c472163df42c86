/// The one error type of the crawler: a stable code, a reason, and the input (a URL, a
/// configuration key, the state file) that caused it.
public struct CrawlerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier of what went wrong.
    public enum Code: String, Sendable, Equatable {
        /// A configuration value is missing or invalid.
        case invalidConfiguration
        /// The crawl journal cannot be read or written.
        case stateFailed
        /// A page could not be fetched (after every retry).
        case fetchFailed
        /// A record could not be published.
        case publishFailed
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
