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
}
