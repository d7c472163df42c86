import Schema

/// Where a model version is in its life, as its latest lifecycle event says.
public enum VersionLifecycle: String, Codable, Sendable, CaseIterable {
    /// The artifact is stored; the version is a candidate.
    case registered
    /// The candidate passed the validation gate and may be promoted.
    case validated
    /// The validation gate or a reviewer refused the candidate.
    case rejected
    /// The version is retired and no longer served.
    case archived

    /// The lifecycle an event kind states, or `nil` for an alias move.
    public init?(_ kind: ModelEventKind) {
        switch kind {
        case .registered: self = .registered
        case .validated: self = .validated
        case .rejected: self = .rejected
        case .archived: self = .archived
        case .promoted, .rolledBack: return nil
        }
    }
}
