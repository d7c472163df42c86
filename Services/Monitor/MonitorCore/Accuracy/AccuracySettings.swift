/// Live accuracy settings, from `monitor.accuracy.` in `configs/monitor.yaml`.
public struct AccuracySettings: Sendable, Equatable {
    /// The join's bounds.
    public var join: JoinSettings
    /// The window: the last this many joined predictions per region, version and arm.
    public var windowJoins: Int
    /// A region's accuracy is checked every this many joins.
    public var checkEveryJoins: Int
    /// No accuracy alert before the champion's window holds this many joins.
    public var minimumSamples: Int
    /// An alert when the champion's live MAPE exceeds its validation MAPE times this ...
    public var mapeDegradationRatio: Double
    /// ... or, for a card without a validation MAPE, this MAPE (a fraction).
    public var maximumMAPE: Double
    /// An accuracy alert is raised after this many consecutive degraded checks.
    public var sustainedChecks: Int
    /// The A/B test's significance level.
    public var abAlpha: Double
    /// The A/B test needs this many joins in each arm.
    public var abMinimumSamples: Int
    /// The most region/version/arm windows kept (the least recently joined go first).
    public var maximumKeys: Int
    /// The MAPE of the last this many checks is kept per region, version and arm, for the
    /// dashboard's accuracy over time.
    public var historyPoints: Int

    /// Creates settings from their parts.
    public init(
        join: JoinSettings, windowJoins: Int, checkEveryJoins: Int, minimumSamples: Int, mapeDegradationRatio: Double,
        maximumMAPE: Double, sustainedChecks: Int, abAlpha: Double, abMinimumSamples: Int, maximumKeys: Int,
        historyPoints: Int
    ) {
        self.join = join
        self.windowJoins = windowJoins
        self.checkEveryJoins = checkEveryJoins
        self.minimumSamples = minimumSamples
        self.mapeDegradationRatio = mapeDegradationRatio
        self.maximumMAPE = maximumMAPE
        self.sustainedChecks = sustainedChecks
        self.abAlpha = abAlpha
        self.abMinimumSamples = abMinimumSamples
        self.maximumKeys = maximumKeys
        self.historyPoints = historyPoints
    }
}
