import Foundation
import Metrics

/// The trainer's metrics, on `/metrics` when the metrics endpoint is on:
///
/// - `trainer_store_homes{region, labelled}`: homes in the training store, `labelled="true"`
///   for those with a sale price (set at every snapshot of the store);
/// - `trainer_trainings_total{region, outcome}`: trainings by outcome — `accepted`,
///   `rejected` (by the validation gate), `skipped` (too little data) or `failed`;
/// - `trainer_training_seconds{region}`: wall time of each finished training, registration
///   included.
///
/// Dimensions are bounded: regions are the configured ones, outcomes these four.
struct TrainerMetrics: Sendable {
    /// How a training ended.
    enum Outcome: String, Sendable {
        case accepted, rejected, skipped, failed
    }

    let factory: any MetricsFactory

    /// Counts one training of `region` that ended with `outcome`.
    func training(region: String, outcome: Outcome) {
        Counter(label: "trainer_trainings_total", dimensions: [("region", region), ("outcome", outcome.rawValue)], factory: factory)
            .increment()
    }

    /// Records the wall time of one finished training of `region`.
    func trainingDuration(region: String, _ duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        Metrics.Timer(label: "trainer_training_seconds", dimensions: [("region", region)], factory: factory)
            .recordNanoseconds(Int64(seconds * 1e9))
    }

    /// Sets the store gauges from the count of homes per region, with and without a label.
    func store(_ store: TrainingStore) {
        var counts: [String: (labelled: Int, unlabelled: Int)] = [:]
        for entry in store.entries.values {
            var count = counts[entry.row.region] ?? (0, 0)
            if entry.row.target != nil || store.feedbackLabels[entry.row.homeId] != nil {
                count.labelled += 1
            } else {
                count.unlabelled += 1
            }
            counts[entry.row.region] = count
        }
        for (region, count) in counts {
            Gauge(label: "trainer_store_homes", dimensions: [("region", region), ("labelled", "true")], factory: factory)
                .record(count.labelled)
            Gauge(label: "trainer_store_homes", dimensions: [("region", region), ("labelled", "false")], factory: factory)
                .record(count.unlabelled)
        }
    }
}
