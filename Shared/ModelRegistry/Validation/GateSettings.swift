/// How strict the validation gate is; the trainer reads it from its configuration.
public struct GateSettings: Codable, Sendable, Equatable {
    /// How much worse than the champion the candidate may be on a guarded metric, relative to
    /// the champion's value: 0.02 lets the candidate be at most 2 % worse.
    public var tolerance: Double
    /// The metrics that decide; the others are reported only.
    public var guardedMetrics: [GuardedMetric]
    /// The fewest rows a segment needs to be guarded; smaller segments are reported only.
    public var minSegmentRows: Int
    /// The number of price bands, cut at quantiles of the validation rows' actual prices.
    public var priceBands: Int
    /// Without a champion: the largest acceptable overall value of each guarded metric named
    /// here; a guarded metric without a bound does not decide then.
    public var absoluteBounds: [GuardedMetric: Double]
    /// How many standard errors of the rows' paired error differences a segment's figure may
    /// exceed its limit by before it decides (0: the limit alone decides). On a segment of a
    /// few dozen rows, a few points of MAPE are noise, not a worse model.
    public var segmentNoiseStandardErrors: Double

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - tolerance: The relative tolerance against the champion, at least 0.
    ///   - guardedMetrics: The metrics that decide.
    ///   - minSegmentRows: The fewest rows of a guarded segment, at least 1.
    ///   - priceBands: The number of price bands, at least 1.
    ///   - absoluteBounds: Without a champion, the largest acceptable overall values.
    ///   - segmentNoiseStandardErrors: The standard errors a segment's figure may exceed its
    ///     limit by, at least 0.
    public init(
        tolerance: Double = 0.02,
        guardedMetrics: [GuardedMetric] = [.mape, .rmse, .medianAPE],
        minSegmentRows: Int = 30,
        priceBands: Int = 4,
        absoluteBounds: [GuardedMetric: Double] = [.mape: 0.5, .medianAPE: 0.5],
        segmentNoiseStandardErrors: Double = 0
    ) {
        self.tolerance = tolerance
        self.guardedMetrics = guardedMetrics
        self.minSegmentRows = minSegmentRows
        self.priceBands = priceBands
        self.absoluteBounds = absoluteBounds
        self.segmentNoiseStandardErrors = segmentNoiseStandardErrors
    }
}
