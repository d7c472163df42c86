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

    /// Creates settings from their parts.
    public init(retrainOnDrift: Bool, retrainOnAccuracy: Bool, retrainMinimumInterval: TimeInterval, retrainTarget: String) {
        self.retrainOnDrift = retrainOnDrift
        self.retrainOnAccuracy = retrainOnAccuracy
        self.retrainMinimumInterval = retrainMinimumInterval
        self.retrainTarget = retrainTarget
    }
}
