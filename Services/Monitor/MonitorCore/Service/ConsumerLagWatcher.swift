import Kafka
import Metrics
import ServiceLifecycle
import ServiceSupport
import Synchronization

/// Reads the watched consumer groups' lag every interval for the dashboard and the gauge
/// `monitor_consumer_lag{group,topic}` (messages on the topic the group has not committed past).
public final class ConsumerLagWatcher: Service, Sendable {
    private let admin: KafkaAdmin
    private let groups: [WatchedConsumerGroup]
    private let interval: Duration
    private let factory: any MetricsFactory
    private let latest = Mutex<[KafkaConsumerLag]>([])

    /// Creates a watcher of `groups`, read through `admin` every `interval`.
    public init(admin: KafkaAdmin, groups: [WatchedConsumerGroup], interval: Duration, metrics: any MetricsFactory = MetricsSystem.factory)
    {
        self.admin = admin
        self.groups = groups
        self.interval = interval
        self.factory = metrics
    }

    /// The lag as last read (empty before the first read or while the broker does not answer).
    public var lag: [KafkaConsumerLag] { latest.withLock { $0 } }

    /// Reads now and then every interval until graceful shutdown (with no group to watch, it
    /// only waits for the shutdown: a service that returns would end its group).
    public func run() async throws {
        guard !groups.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.read()
                // Cancelled at shutdown: the sleep ends early and the loop stops.
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    /// Reads the lag of every group once.
    public func read() async {
        let figures = await admin.lag(of: groups)
        latest.withLock { $0 = figures }
        for lag in figures {
            Gauge(label: "monitor_consumer_lag", dimensions: [("group", lag.group), ("topic", lag.topic)], factory: factory)
                .record(lag.total)
        }
    }
}
