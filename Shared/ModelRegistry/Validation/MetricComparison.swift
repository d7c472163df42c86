/// One line of the champion comparison: a metric of the candidate (and of the champion) on one
/// segment, the limit it must stay within, and whether it decides.
public struct MetricComparison: Codable, Sendable, Equatable {
    /// The segment kind, ``SegmentKind/overall`` for every row.
    public var segment: SegmentKind
    /// The segment's value, ``SegmentKind/overallValue`` for every row.
    public var value: String
    /// The segment's number of rows.
    public var rows: Int
    /// The metric compared.
    public var metric: GuardedMetric
    /// The candidate's value.
    public var candidate: Double
    /// The champion's value, when there is a champion.
    public var champion: Double?
    /// The largest acceptable candidate value: the champion's value plus the tolerance, or the
    /// absolute bound without a champion; `nil` when nothing bounds it.
    public var limit: Double?
    /// Whether this line decides the verdict (a guarded metric on a large enough segment).
    public var guarded: Bool
    /// On a segment compared with a champion: how far above ``limit`` the candidate may still
    /// be, as noise (``GateSettings/segmentNoiseStandardErrors`` standard errors of the rows'
    /// paired error differences); `nil` overall and for cards written before it existed.
    public var noiseMargin: Double?

    /// Creates a comparison line.
    public init(
        segment: SegmentKind, value: String, rows: Int, metric: GuardedMetric, candidate: Double, champion: Double?,
        limit: Double?, guarded: Bool, noiseMargin: Double? = nil
    ) {
        self.noiseMargin = noiseMargin
        self.segment = segment
        self.value = value
        self.rows = rows
        self.metric = metric
        self.candidate = candidate
        self.champion = champion
        self.limit = limit
        self.guarded = guarded
    }

    /// Whether the candidate stays within ``limit`` plus the ``noiseMargin`` (always, without a
    /// limit).
    public var withinLimit: Bool {
        limit.map { candidate <= $0 + (noiseMargin ?? 0) } ?? true
    }
}
