/// The one error type of ServiceSupport: what failed, why, and on which input.
public struct ServiceSupportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier of what went wrong.
    public enum Code: String, Sendable, Equatable {
        /// The project root (with `configs/`) could not be found.
        case projectNotFound
        /// A configuration file or value is missing or invalid.
        case invalidConfiguration
        /// The broker binary is not installed.
        case brokerMissing
        /// The broker did not start or answer in time.
        case brokerUnavailable
        /// A process could not be started or stopped.
        case processFailed
        /// Reading or writing a state file failed.
        case stateFailed
        /// An HTTP server could not listen.
        case serverFailed
        /// A source mapping file (`configs/sources/<id>.yaml`) is not a valid mapping.
        case invalidMapping
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation.
    public let reason: String
    /// The input that caused it: a path, a key, an address.
    public let input: String?

    /// Creates an error.
    public init(code: Code, reason: String, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    public var description: String {
        "\(code.rawValue): \(reason)" + (input.map { " [\($0)]" } ?? "")
    }
}
