/// What the validation gate decided, with the metrics it decided on.
public struct GateVerdict: Sendable, Equatable {
    /// The comparison table and verdict, to store in the model card.
    public var comparison: ChampionComparison
    /// The candidate's metrics overall and per segment, to store in the model card.
    public var candidate: SegmentedMetrics
    /// The champion's metrics on the same rows, when there is a champion.
    public var champion: SegmentedMetrics?

    /// Creates a verdict.
    public init(comparison: ChampionComparison, candidate: SegmentedMetrics, champion: SegmentedMetrics?) {
        self.comparison = comparison
        self.candidate = candidate
        self.champion = champion
    }

    /// Whether the candidate may be registered as validated.
    public var accepted: Bool { comparison.accepted }

    /// Why the candidate was accepted or rejected.
    public var reasons: [String] { comparison.reasons }
}
