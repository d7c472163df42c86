import Schema

/// What resolving one record (or applying one review decision) changed.
public struct Resolution: Sendable, Equatable {
    /// The canonical home of the record's cluster, newly assembled.
    public var home: Home
    /// Home ids that no longer exist because their records joined ``home``.
    public var retiredHomeIds: [String]
    /// Pairs too alike to ignore and too different to merge, for a human.
    public var reviewTasks: [ReviewTask]
    /// Whether the resolved record was in a cluster already: a replay, or a new version of a
    /// record seen before (a restarted producer publishes its records again, each with a new
    /// fetch time). Its home may have absorbed others in a pass whose outputs were lost.
    public var recordWasKnown: Bool
    /// The cluster the record left, reassembled without it: the record's new version no longer
    /// matches any other member (its source corrected the address, or a unit or floor now
    /// differs), so its old home goes on without it instead of following it into the home at
    /// its new address. Stored and announced before ``home``; at most one.
    public var leftBehind: [Resolution] = []
    /// The home the record last left (``leftBehind`` of an earlier pass), when the record was
    /// known: its current state is announced again with the record's home, as homes retired
    /// into it are, so a replay sends what a first pass whose outputs were lost sent.
    public var departedHomeId: String?
}
