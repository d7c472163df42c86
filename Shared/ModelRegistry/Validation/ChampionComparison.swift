/// The validation gate's decision as the model card keeps it: which champion the candidate was
/// compared with, under which tolerance, every comparison line, and the verdict with reasons.
public struct ChampionComparison: Codable, Sendable, Equatable {
    /// The champion's version, or `nil` when the candidate was judged by absolute bounds.
    public var championVersion: String?
    /// The relative tolerance against the champion.
    public var tolerance: Double
    /// The fewest rows of a guarded segment.
    public var minSegmentRows: Int
    /// Every metric on every segment.
    public var comparisons: [MetricComparison]
    /// Whether the candidate passed.
    public var accepted: Bool
    /// Why: each guarded line that failed (metric, segment, both values), or one sentence
    /// saying what the candidate passed.
    public var reasons: [String]

    /// Creates a comparison.
    public init(
        championVersion: String?, tolerance: Double, minSegmentRows: Int, comparisons: [MetricComparison], accepted: Bool,
        reasons: [String]
    ) {
        self.championVersion = championVersion
        self.tolerance = tolerance
        self.minSegmentRows = minSegmentRows
        self.comparisons = comparisons
        self.accepted = accepted
        self.reasons = reasons
    }
}
