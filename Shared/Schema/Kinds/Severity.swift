/// How urgent a monitoring event is.
public enum Severity: String, Codable, Sendable, CaseIterable {
    /// Informational; no action needed.
    case info

    /// Degraded or unusual; look soon.
    case warning

    /// A failure that loses work or accuracy.
    case error

    /// Serving or the pipeline is down or wrong; act now.
    case critical
}
