/// Why a scenario could not be evaluated: the reason and the file or record involved.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public let reason: String
    /// The file, folder or record location involved.
    public let input: String

    /// Creates an error.
    public init(reason: String, input: String) {
        self.reason = reason
        self.input = input
    }

    public var description: String { "\(reason) [\(input)]" }
}
