/// The one error type of the scenario: what failed, why, and on which input.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier of what went wrong.
    public enum Code: String, Sendable, Equatable {
        /// A seed data file is missing, unreadable or has an unexpected shape.
        case seedDataUnreadable
        /// An output file could not be written.
        case outputFailed
        /// A generation parameter is out of range.
        case invalidParameter
        /// The HTTP server could not listen or serve.
        case serverFailed
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation.
    public let reason: String
    /// The input that caused it: a path, a parameter, an address.
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
