/// Every reason one raw record could not be mapped; never empty.
public struct MappingFailure: Error, Sendable, Equatable {
    /// The field errors, in mapping order.
    public var errors: [NormalizationError]

    /// Creates a failure from its errors.
    public init(errors: [NormalizationError]) {
        self.errors = errors
    }
}
