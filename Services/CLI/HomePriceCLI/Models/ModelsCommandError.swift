import ModelRegistry

/// A failure of a `homeprice models` command, printed as one line: what failed, why, and the
/// input concerned (a broker address, a topic, a model or a model version).
struct ModelsCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed; the raw value is stable.
    enum Code: String, Sendable, Equatable {
        /// A `--region` is not a region code.
        case invalidRegion
        /// No broker answers at the bootstrap servers.
        case brokerUnreachable
        /// The broker has no topic the command reads or writes.
        case topicMissing
        /// The registry could not be read to its end in time.
        case registryUnreadable
        /// The registry has no model of the region.
        case unknownModel
        /// The requested version is not in the registry, or the model has no champion to show.
        case unknownVersion
        /// The registry refused the change (a rejected version promoted, nothing to roll back, …).
        case refused
        /// The broker did not take the published message.
        case publishFailed
    }

    /// What failed.
    let code: Code
    /// Why, for a person.
    let reason: String
    /// The broker address, topic, model or model version concerned.
    let input: String

    /// Creates an error.
    init(_ code: Code, reason: String, input: String) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    /// The registry's refusal of a change: an unknown version, or a move its state forbids.
    init(refusal: RegistryError) {
        self.init(
            refusal.code == .unknownVersion ? .unknownVersion : .refused, reason: refusal.reason,
            input: refusal.input ?? "models.registry")
    }

    /// `models <code>: <reason> [<input>]`.
    var description: String { "models \(code.rawValue): \(reason) [\(input)]" }
}
