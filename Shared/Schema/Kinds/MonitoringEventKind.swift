/// What a monitoring event describes.
public enum MonitoringEventKind: String, Codable, Sendable, CaseIterable {
    /// A periodic metric sample, such as throughput or latency.
    case metric

    /// Metrics of one training round or epoch.
    case trainingEpoch

    /// A candidate model's validation result against the champion.
    case validation

    /// A drift measurement of a feature or of predictions.
    case drift

    /// A condition that needs attention.
    case alert

    /// A model or service deployment change.
    case deployment

    /// A service started, became ready, degraded or stopped.
    case serviceStatus
}
