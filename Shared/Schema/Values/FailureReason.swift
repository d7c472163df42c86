/// One reason a stage could not process a message.
public struct FailureReason: Codable, Sendable, Equatable {
    /// The offending field, for example `"address.postalCode"`, or `nil` for the whole message.
    public var field: String?

    /// A stable code, namespaced by module, for example `"schema.missingField"` or
    /// `"normalizer.unknownUnit"`.
    public var code: String

    /// A human-readable explanation.
    public var message: String

    /// Creates a reason.
    ///
    /// - Parameters:
    ///   - field: The offending field, `nil` for the whole message.
    ///   - code: A stable code, namespaced by module.
    ///   - message: A human-readable explanation.
    public init(field: String? = nil, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
