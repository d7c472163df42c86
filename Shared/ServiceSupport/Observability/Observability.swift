import Configuration
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// Logging and metrics of one service process, set up once in its `main`.
public enum Observability {
    /// The registry every swift-metrics metric of the process lands in once ``bootstrap(label:layout:)``
    /// ran; HTTP services serve it on their own router (``prometheusText()``).
    public static let registry = PrometheusCollectorRegistry()

    /// The Prometheus text exposition of every metric recorded so far.
    public static func prometheusText() -> [UInt8] { registry.emitToBuffer() }

    /// Bootstraps swift-log (``LoggingBootstrap``) and swift-metrics (Prometheus registry) and
    /// returns the logger plus the services to add to the process's `ServiceGroup`: a
    /// ``MetricsEndpoint`` when `metrics.port` (`METRICS_PORT`) is set, none otherwise.
    public static func bootstrap(
        label: String,
        layout: ProjectLayout?
    ) async throws(ServiceSupportError) -> (logger: Logger, services: [any Service]) {
        let logger = LoggingBootstrap.bootstrap(label: label)
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let reader = try await ConfigurationLoader.reader(layout: layout, files: ["pipeline.yaml"])
        let port = reader.int(forKey: "metrics.port", default: 0)
        guard port > 0 else { return (logger, []) }
        let host = reader.string(forKey: "metrics.host", default: "127.0.0.1")
        return (logger, [MetricsEndpoint(registry: registry, host: host, port: port, logger: logger)])
    }
}
