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
    /// The groups the record's cluster fell into without the record, each reassembled as a
    /// home of its own: the record's new version no longer matches any other member (its source
    /// corrected the address, or a unit or floor now differs), or members were linked only
    /// through it. Its old home goes on without it instead of following it into the home at its
    /// new address. Stored and announced before ``home``.
    public var leftBehind: [Resolution] = []
    /// The homes the record last left (``leftBehind`` of an earlier pass), when the record was
    /// known: their current states are announced again with the record's home, as homes
    /// retired into it are, so a replay sends what a first pass whose outputs were lost sent.
    /// Every later pass of the record announces them again (harmless to readers of the latest
    /// value), until the record leaves a cluster again.
    public var departedHomeIds: [String] = []
}
