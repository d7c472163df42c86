import ModelRegistry

/// A failure of a `homeprice models` or `homeprice review` command, printed as one line: what
/// failed, why, and the input concerned (a broker address, a topic, a model, a model version or
/// a review task).
struct ModelsCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed; the raw value is stable.
    enum Code: String, Sendable, Equatable {
        /// A `--region` is not a region code.
        case invalidRegion
        /// No broker answers at the bootstrap servers.
        case brokerUnreachable
        /// The broker has no topic the command reads or writes.
        case topicMissing
        /// The registry (or the review queue) could not be read to its end in time.
        case topicUnreadable
        /// The registry has no model of the region.
        case unknownModel
        /// The requested version is not in the registry, or the model has no champion to show.
        case unknownVersion
        /// The registry refused the change (a rejected version promoted, nothing to roll back, …).
        case refused
        /// The broker did not take the published message.
        case publishFailed
        /// No review task has the given id.
        case unknownTask
    }

    /// What failed.
    let code: Code
    /// Why, for a person.
    let reason: String
    /// The broker address, topic, model, model version or task concerned.
    let input: String
    /// The command group that failed, `models` or `review`.
    let command: String

    /// Creates an error of the `command` group.
    init(_ code: Code, reason: String, input: String, command: String = "models") {
        self.code = code
        self.reason = reason
        self.input = input
        self.command = command
    }

    /// The registry's refusal of a change: an unknown version, or a move its state forbids.
    init(refusal: RegistryError) {
        self.init(
            refusal.code == .unknownVersion ? .unknownVersion : .refused, reason: refusal.reason,
            input: refusal.input ?? "models.registry")
    }

    /// `<command> <code>: <reason> [<input>]`.
    var description: String { "\(command) \(code.rawValue): \(reason) [\(input)]" }
}
