/// Why a message could not be decoded or encoded.
///
/// Every failure names the schema type, the field path inside the message (for example
/// `address.postalCode`, `reasons[0].message` or `provenance["livingArea"][1].value`) and a
/// stable ``code`` that monitoring can count and consumers can copy into a ``DeadLetter``
/// (see ``FailureReason/init(_:)``). The ``reason`` is for humans and may change wording.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable, machine-readable kind of a ``SchemaError``.
    public enum Code: String, Sendable, CaseIterable {
        /// The bytes are not JSON at all (empty, truncated, not UTF-8, …).
        case invalidJSON
        /// A required field is absent.
        case missingField
        /// A required field is present but `null`.
        case nullValue
        /// A field holds a different JSON type than the schema requires.
        case typeMismatch
        /// A field has the right JSON type but an invalid value: an unknown enum case, a
        /// malformed date or URL, a schema version below 1.
        case invalidValue
        /// The message was written with a schema version newer than this build can read.
        case unsupportedSchemaVersion
        /// A value has no JSON representation, such as a non-finite number.
        case unencodableValue
    }

    /// The stable kind of failure.
    public let code: Code

    /// The schema type being decoded or encoded, for example `"Home"`.
    public let typeName: String

    /// The path of the offending field inside the message, or `nil` when the failure
    /// concerns the message as a whole (invalid JSON, a body that is not an object).
    public let fieldPath: String?

    /// A human-readable explanation.
    public let reason: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The stable kind of failure.
    ///   - typeName: The schema type being decoded or encoded.
    ///   - fieldPath: The path of the offending field, `nil` for the whole message.
    ///   - reason: A human-readable explanation.
    public init(code: Code, typeName: String, fieldPath: String?, reason: String) {
        self.code = code
        self.typeName = typeName
        self.fieldPath = fieldPath
        self.reason = reason
    }

    /// A one-line summary such as
    /// `missingField in Home at price.amount: the required field is missing`.
    public var description: String {
        let location = fieldPath.map { " at \($0)" } ?? ""
        return "\(code.rawValue) in \(typeName)\(location): \(reason)"
    }
}
