import Pipeline
import Schema

/// Why the preprocessor could not start, or could not turn one canonical home into a feature
/// row.
///
/// A home's unusable values are not errors (they become missing values with a
/// ``Features/FeatureIssue``); this type is for what rejects a whole home or stops the
/// service. It converts into the ``Schema/FailureReason`` of a dead letter.
public struct PreprocessorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure; the raw value follows `preprocessor.` in a
    /// dead letter's reason code. Never rename one.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// A setting is missing or invalid.
        case invalidConfiguration
        /// The home's region has no feature settings: no currency, no postal prefix, no model.
        case unknownRegion
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, for a human.
    public let reason: String
    /// The field or setting key concerned, for example `region` or `preprocessor.groupId`.
    public let field: String?
    /// The offending input: the field's value, the setting's value.
    public let input: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - reason: What went wrong.
    ///   - field: The field or setting key concerned.
    ///   - input: The offending input.
    public init(_ code: Code, reason: String, field: String? = nil, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.field = field
        self.input = input
    }

    /// The code as logged and dead-lettered: `preprocessor.<code>`.
    public var qualifiedCode: String { "preprocessor.\(code.rawValue)" }

    /// `[preprocessor.code] field 'f': reason (input: "…")`.
    public var description: String {
        let location = field.map { " field '\($0)'" } ?? ""
        return "[\(qualifiedCode)]\(location): \(reasonWithInput)"
    }

    /// The reason followed by the quoted input, when there is one.
    private var reasonWithInput: String {
        input.map { "\(reason) (input: \"\($0)\")" } ?? reason
    }
}

extension PreprocessorError: FailureReasonConvertible {
    /// One reason: the qualified code, the field, and the reason quoting the input.
    public var failureReasons: [FailureReason] {
        [FailureReason(field: field, code: qualifiedCode, message: reasonWithInput)]
    }
}
