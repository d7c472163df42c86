import Foundation

/// When a feature counts as drifted: window sizes and thresholds, all from `monitor.drift.` in
/// `configs/monitor.yaml` (see the defaults' reasons there and in the README).
public struct DriftSettings: Sendable, Equatable {
    /// The count window: the last this many rows of a region.
    public var windowRows: Int
    /// No check before a region's window holds this many rows.
    public var minimumRows: Int
    /// A region's features are checked every this many rows.
    public var checkEveryRows: Int
    /// The time window's span of event time.
    public var windowSeconds: TimeInterval
    /// The time window's number of slices.
    public var windowSlots: Int
    /// The PSI and Jensen–Shannon distance are taken on about this many groups of the engine's bins.
    public var psiBins: Int
    /// PSI at or above this is a moderate shift (a warning, no alert).
    public var psiWarning: Double
    /// PSI at or above this is a significant shift.
    public var psiAlert: Double
    /// Jensen–Shannon distance at or above this is a significant shift.
    public var jsAlert: Double
    /// A numeric feature whose KS p-value is below this ...
    public var ksAlpha: Double
    /// ... and whose KS statistic is at least this has shifted significantly.
    public var ksMinimumStatistic: Double
    /// The floor of a bin's share in the PSI.
    public var psiEpsilon: Double
    /// A drift alert is raised after this many consecutive significant checks.
    public var sustainedChecks: Int

    /// Creates settings from their parts.
    public init(
        windowRows: Int, minimumRows: Int, checkEveryRows: Int, windowSeconds: TimeInterval, windowSlots: Int, psiBins: Int,
        psiWarning: Double,
        psiAlert: Double, jsAlert: Double, ksAlpha: Double, ksMinimumStatistic: Double, psiEpsilon: Double, sustainedChecks: Int
    ) {
        self.windowRows = windowRows
        self.minimumRows = minimumRows
        self.checkEveryRows = checkEveryRows
        self.windowSeconds = windowSeconds
        self.windowSlots = windowSlots
        self.psiBins = psiBins
        self.psiWarning = psiWarning
        self.psiAlert = psiAlert
        self.jsAlert = jsAlert
        self.ksAlpha = ksAlpha
        self.ksMinimumStatistic = ksMinimumStatistic
        self.psiEpsilon = psiEpsilon
        self.sustainedChecks = sustainedChecks
    }
}
