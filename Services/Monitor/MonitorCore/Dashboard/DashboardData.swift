import Kafka
import ModelRegistry
import Schema

/// Everything the dashboard shows, taken at one moment.
public struct DashboardData: Sendable {
    /// The monitor's core state.
    public var monitor: Monitor
    /// The model registry.
    public var registry: RegistryState
    /// Every review task's latest state.
    public var reviews: [ReviewTask]
    /// The watched consumer groups' lag, as last read.
    public var lag: [KafkaConsumerLag]

    /// Creates the data from its parts.
    public init(monitor: Monitor, registry: RegistryState, reviews: [ReviewTask], lag: [KafkaConsumerLag] = []) {
        self.monitor = monitor
        self.registry = registry
        self.reviews = reviews
        self.lag = lag
    }

    /// The tasks waiting for a decision, oldest first.
    public var openReviews: [ReviewTask] {
        reviews.filter { $0.status == .open }.sorted { ($0.createdAt, $0.taskId) < ($1.createdAt, $1.taskId) }
    }
}
