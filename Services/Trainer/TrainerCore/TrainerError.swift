/// The one error type of the trainer: a stable code, a reason, and the input concerned (a
/// configuration key, a region, a job folder, a model version).
public struct TrainerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Code: String, Sendable, Equatable {
        /// A setting is missing or invalid.
        case invalidConfiguration
        /// The trainer's state (store snapshot, job folder) could not be read or written.
        case stateFailed
        /// A region has too few labelled rows to train.
        case notEnoughData
        /// Training or evaluating a candidate failed.
        case trainingFailed
        /// The registry or artifact store refused an operation.
        case registryFailed
        /// A training was stopped at an epoch's end (the trainer is shutting down); its job
        /// folder and checkpoint stay, and the next start resumes it.
        case interrupted
    }

    /// What failed.
    public let code: Code
    /// Why, for a person.
    public let reason: String
    /// The key, region, folder or version concerned.
    public let input: String?

    /// Creates an error.
    public init(_ code: Code, reason: String, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    /// `trainer <code>: <reason> [<input>]`.
    public var description: String {
        if let input { "trainer \(code.rawValue): \(reason) [\(input)]" } else { "trainer \(code.rawValue): \(reason)" }
    }
}
