extension FailureReason {
    /// Creates the dead-letter reason for a message that failed to decode.
    ///
    /// The code is `schema.` followed by the error's ``SchemaError/Code`` raw value, for
    /// example `"schema.missingField"`.
    ///
    /// - Parameter error: The decoding or encoding failure.
    public init(_ error: SchemaError) {
        self.init(field: error.fieldPath, code: "schema.\(error.code.rawValue)", message: error.reason)
    }
}
