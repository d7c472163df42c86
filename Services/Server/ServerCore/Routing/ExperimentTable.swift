import Synchronization

/// The experiments in force, per region: configured at start, replaced by `/admin/traffic`.
public final class ExperimentTable: Sendable {
    private let experiments: Mutex<[String: Experiment]>

    /// Creates the table from the configured plans, by region code.
    public init(_ experiments: [String: Experiment]) {
        self.experiments = Mutex(experiments)
    }

    /// The plan of `region`: its configured or admin-set one, or champion only.
    public func experiment(for region: String) -> Experiment {
        experiments.withLock { $0[region] } ?? .championOnly(region: region)
    }

    /// Every plan in force, by region.
    public var all: [String: Experiment] { experiments.withLock { $0 } }

    /// Replaces the plan of `region`.
    public func set(_ experiment: Experiment, for region: String) {
        experiments.withLock { $0[region] = experiment }
    }
}
