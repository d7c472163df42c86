/// What an upsert did, and the version of the home after it.
public struct UpsertOutcome: Sendable, Equatable {
    /// What happened to the stored home.
    public enum Change: String, Sendable, Equatable {
        /// The home was new.
        case inserted
        /// The home changed (or came back from retirement); a new version was recorded.
        case updated
        /// The home was stored exactly so already; nothing was written.
        case unchanged
    }

    /// What happened to the stored home.
    public var change: Change
    /// The home's ``Schema/Home/version`` after the upsert: the new one, or the stored one when
    /// nothing changed.
    public var version: Int

    /// Creates an outcome.
    public init(_ change: Change, version: Int) {
        self.change = change
        self.version = version
    }
}
