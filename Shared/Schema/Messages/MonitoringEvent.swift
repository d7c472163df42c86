import Foundation

/// Something a service reports for dashboards and alerting: a metric sample, a training
/// epoch, a validation result, a drift measurement, an alert, a deployment, a status change.
///
/// Published on ``Topic/pipelineMonitoring`` by every service, keyed by ``service`` so each
/// service's events stay in order.
public struct MonitoringEvent: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/pipelineMonitoring``.
    public static let topic = Topic.pipelineMonitoring

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The reporting service, for example `"trainer"`.
    public var service: String

    /// The reporting instance when a service runs several, for example `"trainer-0"`.
    public var instance: String?

    /// What the event describes.
    public var kind: MonitoringEventKind

    /// The name of the metric, alert or step, for example `"epoch"`, `"psi"` or
    /// `"liveAccuracyDropped"`.
    public var name: String

    /// Measured values by name, for example `["round": 120, "trainRMSE": 30110]`.
    public var values: [String: Double]

    /// Dimensions of the values, for example `["model": "price-us", "feature": "livingArea"]`.
    public var labels: [String: String]

    /// How urgent it is.
    public var severity: Severity

    /// A human-readable summary.
    public var message: String?

    /// When it happened.
    public var at: Date

    /// The service name.
    public var key: String { service }

    /// Creates a monitoring event.
    ///
    /// - Parameters:
    ///   - service: The reporting service.
    ///   - instance: The reporting instance.
    ///   - kind: What the event describes.
    ///   - name: The name of the metric, alert or step.
    ///   - values: Measured values by name.
    ///   - labels: Dimensions of the values.
    ///   - severity: How urgent it is; informational by default.
    ///   - message: A human-readable summary.
    ///   - at: When it happened.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        service: String,
        instance: String? = nil,
        kind: MonitoringEventKind,
        name: String,
        values: [String: Double] = [:],
        labels: [String: String] = [:],
        severity: Severity = .info,
        message: String? = nil,
        at: Date,
        schemaVersion: Int = MonitoringEvent.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.service = service
        self.instance = instance
        self.kind = kind
        self.name = name
        self.values = values
        self.labels = labels
        self.severity = severity
        self.message = message
        self.at = at
    }
}
