/// Why the feature code could not read its settings, fit its parameters, or find them in a model.
///
/// Per-home problems (an impossible area, a price in another currency) are not errors: they
/// become missing values with a ``FeatureIssue``. This type is for what stops the caller.
public struct FeatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure; the raw value follows `features.` in logs
    /// and dead letters. Never rename one.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// A setting is missing or out of range.
        case invalidConfiguration
        /// There is nothing to fit parameters on.
        case noTrainingRows
        /// A row asked to carry a target has none (or a non-finite one).
        case missingTarget
        /// The model file carries no fitted feature parameters.
        case missingParameters
        /// The fitted feature parameters cannot be encoded or decoded.
        case unreadableParameters
        /// The fitted feature parameters describe other inputs than the model has.
        case parametersMismatch
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, for a human.
    public let reason: String
    /// The setting key, feature or attachment concerned, for example `features.cleaning.maxLivingArea`.
    public let field: String?
    /// The offending input: a setting's value, a home id.
    public let input: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - reason: What went wrong.
    ///   - field: The setting key, feature or attachment concerned.
    ///   - input: The offending input.
    public init(_ code: Code, reason: String, field: String? = nil, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.field = field
        self.input = input
    }

    /// The code as logged: `features.<code>`.
    public var qualifiedCode: String { "features.\(code.rawValue)" }

    /// `[features.code] field 'f': reason (input: "…")`.
    public var description: String {
        let location = field.map { " field '\($0)'" } ?? ""
        let quoted = input.map { " (input: \"\($0)\")" } ?? ""
        return "[\(qualifiedCode)]\(location): \(reason)\(quoted)"
    }
}
