import Pipeline
import Schema

/// Why the server refused a request, a model or its configuration.
///
/// Every request failure becomes an HTTP problem body (status from ``Code/httpStatus``, the
/// field named) or, on the Kafka path, a dead letter; a refused model is logged and raised on
/// `pipeline.monitoring` while the previous one keeps serving.
public struct ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure; the raw value follows `server.` in problem
    /// bodies and dead letters. Never rename one.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// A setting is missing or invalid.
        case invalidConfiguration
        /// The request body is not JSON, has an unknown field, a wrong type or an impossible value.
        case invalidRequest
        /// The request body is larger than the configured limit.
        case bodyTooLarge
        /// A raw record names a source no mapping is known for.
        case unknownSource
        /// A raw record cannot be mapped or parsed with its source's mapping.
        case unmappableRecord
        /// The home's region has no model configured.
        case unknownRegion
        /// The requested version or alias is not loaded.
        case unknownModel
        /// The region has no servable model right now.
        case noServableModel
        /// The server is still reading `models.registry` to its end at start: the models it has
        /// may not be the ones in force.
        case notReady
        /// A model's artifact failed its checksum, could not be read, or fails the feature-schema check.
        case modelRefused
        /// The admin bearer token is missing or wrong.
        case unauthorized
        /// The registry refused the change (unknown version, invalid transition).
        case registryRefused
        /// A message could not be published.
        case publishFailed
        /// The publishing journal holds its size limit of undelivered messages.
        case journalFull
        /// The publishing journal cannot be written (disk full, I/O error) or read back.
        case journalFailed

        /// The HTTP status a request failing with this code answers.
        public var httpStatus: Int {
            switch self {
            case .invalidRequest, .unmappableRecord: 422
            case .bodyTooLarge: 413
            case .unknownModel, .unknownRegion, .unknownSource: 404
            case .unauthorized: 401
            case .registryRefused: 409
            case .noServableModel, .notReady, .publishFailed, .journalFull, .journalFailed, .modelRefused, .invalidConfiguration: 503
            }
        }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, for a human.
    public let reason: String
    /// The request field or setting key concerned, for example `homes[2].livingArea`.
    public let field: String?
    /// The offending input.
    public let input: String?

    /// Creates an error.
    public init(_ code: Code, reason: String, field: String? = nil, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.field = field
        self.input = input
    }

    /// The code as answered and dead-lettered: `server.<code>`.
    public var qualifiedCode: String { "server.\(code.rawValue)" }

    /// The error with its field placed under `prefix` (`homes[3]` + `livingArea`).
    func located(under prefix: String) -> ServerError {
        ServerError(code, reason: reason, field: field.map { "\(prefix).\($0)" } ?? prefix, input: input)
    }

    /// `[server.code] field 'f': reason (input: "…")`.
    public var description: String {
        let location = field.map { " field '\($0)'" } ?? ""
        return "[\(qualifiedCode)]\(location): \(reasonWithInput)"
    }

    var reasonWithInput: String {
        input.map { "\(reason) (input: \"\($0)\")" } ?? reason
    }
}

extension ServerError: FailureReasonConvertible {
    /// One reason: the qualified code, the field, and the reason quoting the input.
    public var failureReasons: [FailureReason] {
        [FailureReason(field: field, code: qualifiedCode, message: reasonWithInput)]
    }
}
