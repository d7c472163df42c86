import Features
import Metrics
import Synchronization

/// The preprocessor's own metrics, beside the batch processor's
/// `pipeline_messages_processed_total` and `pipeline_messages_dead_lettered_total`:
///
/// - `preprocessor_feature_rows_total{region, labelled}`: rows published, `labelled` `true`
///   when the row carries a sale price as its target;
/// - `preprocessor_feature_issues_total{field, reason}`: values the feature steps set aside,
///   by input field (`livingArea`, `price`, …) and ``Features/FeatureIssue/Reason`` code.
///
/// Both dimensions are bounded: regions are the configured ones (others are rejected), fields
/// and reasons are the feature steps' own.
final class PreprocessorMetrics: Sendable {
    private let factory: any MetricsFactory
    private let counters = Mutex<[String: Counter]>([:])

    /// Creates the metrics on `factory`.
    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Counts one published row and its issues.
    func record(_ built: BuiltFeatureRow) {
        counter("preprocessor_feature_rows_total", [("region", built.row.region), ("labelled", "\(built.row.target != nil)")])
            .increment()
        for issue in built.issues {
            counter("preprocessor_feature_issues_total", [("field", issue.field), ("reason", issue.reason.rawValue)]).increment()
        }
    }

    /// The counter of `label` and `dimensions`, created once.
    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        let key = ([label] + dimensions.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{1F}")
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
    }
}
