/// A step in a model version's life.
public enum ModelEventKind: String, Codable, Sendable, CaseIterable {
    /// The trainer stored the artifact; the version is a candidate.
    case registered

    /// The candidate beat or matched the champion on held-out data.
    case validated

    /// The version now serves as the champion.
    case promoted

    /// Validation or a reviewer refused the candidate.
    case rejected

    /// Serving returned from this version to the previous champion.
    case rolledBack

    /// The version is retired and no longer loadable by alias.
    case archived
}
