import Configuration
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// Logging and metrics of one service process, set up once in its `main`.
public enum Observability {
    /// Bootstraps swift-log (``LoggingBootstrap``) and swift-metrics (Prometheus registry) and
    /// returns the logger plus the services to add to the process's `ServiceGroup`: a
    /// ``MetricsEndpoint`` when `metrics.port` (`METRICS_PORT`) is set, none otherwise.
    public static func bootstrap(
        label: String,
        layout: ProjectLayout?
    ) async throws(ServiceSupportError) -> (logger: Logger, services: [any Service]) {
        let logger = LoggingBootstrap.bootstrap(label: label)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let reader = try await ConfigurationLoader.reader(layout: layout, files: ["pipeline.yaml"])
        let port = reader.int(forKey: "metrics.port", default: 0)
        guard port > 0 else { return (logger, []) }
        let host = reader.string(forKey: "metrics.host", default: "127.0.0.1")
        return (logger, [MetricsEndpoint(registry: registry, host: host, port: port, logger: logger)])
    }
}
