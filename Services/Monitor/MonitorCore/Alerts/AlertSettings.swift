import Foundation

/// What the monitor does about sustained drift and accuracy loss, from `monitor.alerts.` in
/// `configs/monitor.yaml`.
public struct AlertSettings: Sendable, Equatable {
    /// Whether a drift alert sends a `retrain` command for its region.
    public var retrainOnDrift: Bool
    /// Whether an accuracy alert sends a `retrain` command for its region.
    public var retrainOnAccuracy: Bool
    /// At most one `retrain` command per region in this much event time.
    public var retrainMinimumInterval: TimeInterval
    /// The service the command goes to (`trainer`).
    public var retrainTarget: String
    /// Whether a significant A/B verdict sends `promote` (challenger better) or `rollback` of the
    /// challenger alias (challenger worse), once per challenger version.
    public var actOnVerdicts: Bool
    /// The service those commands go to (`server`).
    public var experimentTarget: String

    /// Creates settings from their parts.
    public init(
        retrainOnDrift: Bool, retrainOnAccuracy: Bool, retrainMinimumInterval: TimeInterval, retrainTarget: String, actOnVerdicts: Bool,
        experimentTarget: String
    ) {
        self.retrainOnDrift = retrainOnDrift
        self.retrainOnAccuracy = retrainOnAccuracy
        self.retrainMinimumInterval = retrainMinimumInterval
        self.retrainTarget = retrainTarget
        self.actOnVerdicts = actOnVerdicts
        self.experimentTarget = experimentTarget
    }
}
