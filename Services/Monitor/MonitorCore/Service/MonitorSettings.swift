/// Everything the monitor's core decides with, from `configs/monitor.yaml`.
public struct MonitorSettings: Sendable, Equatable {
    /// The service name on monitoring events and commands.
    public var serviceName: String
    /// Drift windows and thresholds.
    public var drift: DriftSettings
    /// Live accuracy windows, join bounds and thresholds.
    public var accuracy: AccuracySettings
    /// Alert and retrain policy.
    public var alerts: AlertSettings

    /// Creates settings from their parts.
    public init(serviceName: String, drift: DriftSettings, accuracy: AccuracySettings, alerts: AlertSettings) {
        self.serviceName = serviceName
        self.drift = drift
        self.accuracy = accuracy
        self.alerts = alerts
    }
}
