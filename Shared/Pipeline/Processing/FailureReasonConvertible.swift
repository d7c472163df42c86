import Schema

/// An error that can say, as dead-letter reasons, what was wrong with the message.
///
/// Each module's error type conforms, so a batch handler turns any per-message failure into
/// reasons that name the field and a stable code.
public protocol FailureReasonConvertible: Error {
    /// The reasons to record in the dead letter.
    var failureReasons: [FailureReason] { get }
}

extension SchemaError: FailureReasonConvertible {
    /// One reason: the schema error's code (namespaced `schema.`), field path and reason.
    public var failureReasons: [FailureReason] { [FailureReason(self)] }
}

extension FailureReason {
    /// The reasons of any error: its own when it can say them, else its description.
    public static func reasons(for error: any Error) -> [FailureReason] {
        if let convertible = error as? any FailureReasonConvertible { return convertible.failureReasons }
        return [FailureReason(code: "error.\(type(of: error))", message: "\(error)")]
    }
}
