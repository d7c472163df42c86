/// What an upsert did.
public enum UpsertOutcome: String, Sendable, Equatable {
    /// The home was new.
    case inserted
    /// The home changed; a new version was recorded.
    case updated
    /// The home was stored exactly so already; nothing was written.
    case unchanged
}
