import Metrics

/// The monitor's Prometheus gauges, set from the core after each batch.
enum MonitorMetrics {
    static func update(from monitor: Monitor) {
        for check in Array(monitor.latestFeatureChecks.values) + Array(monitor.latestPredictionChecks.values) {
            for measurement in check.measurements {
                let dimensions = [("region", check.region), ("feature", measurement.feature)]
                Gauge(label: "monitor_drift_psi", dimensions: dimensions).record(measurement.psi)
                Gauge(label: "monitor_drift_jensen_shannon", dimensions: dimensions).record(measurement.jensenShannon)
            }
        }
        for (key, figures) in monitor.accuracy.figures {
            let dimensions = [("region", key.region), ("version", key.modelVersion), ("arm", key.arm.rawValue)]
            Gauge(label: "monitor_accuracy_mape", dimensions: dimensions).record(figures.mape)
            Gauge(label: "monitor_accuracy_mae", dimensions: dimensions).record(figures.mae)
            Gauge(label: "monitor_accuracy_joined", dimensions: dimensions).record(Double(figures.count))
        }
        for (name, value) in monitor.accuracy.join.counters.values {
            Gauge(label: "monitor_join_events", dimensions: [("outcome", name)]).record(value)
        }
        Gauge(label: "monitor_state_values").record(Double(monitor.storedValues))
    }
}
