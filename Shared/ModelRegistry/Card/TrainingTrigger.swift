/// What started the training run that produced a model version.
public struct TrainingTrigger: Codable, Sendable, Equatable {
    /// The kinds of trigger.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The weekly schedule.
        case schedule
        /// Enough new labelled rows arrived.
        case volume
        /// A person or a service sent a `retrain` command.
        case command
        /// The monitor raised a drift alert.
        case drift
    }

    /// The kind of trigger.
    public var kind: Kind
    /// Details for a person, for example the command id or the drifting feature.
    public var detail: String

    /// Creates a trigger.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }
}
