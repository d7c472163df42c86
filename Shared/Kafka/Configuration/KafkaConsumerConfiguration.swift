/// Settings of a ``KafkaConsumer``.
///
/// The defaults are the local profile of DESIGN.md (tansu): a short session timeout so the
/// first group join does not wait 23 s, and a long fetch wait so an idle consumer does not
/// make the broker spin.
public struct KafkaConsumerConfiguration: Sendable, Equatable {
    /// How the consumer gets its partitions.
    public enum Subscription: Sendable, Equatable {
        /// Join the consumer group `groupId` and let the group assign partitions of `topics`.
        case group(id: String, topics: [String])
        /// Read exactly these partitions from these offsets, outside any group.
        case partitions([KafkaTopicPartitionOffset])
    }

    /// Where a group member starts on a partition that has no committed offset.
    public enum OffsetReset: String, Sendable, Equatable {
        /// The oldest message still stored.
        case earliest
        /// Only messages produced from now on.
        case latest
    }

    /// Shared client settings.
    public var client: KafkaClientConfiguration
    /// What to read.
    public var subscription: Subscription
    /// Start position without a committed offset (`auto.offset.reset`).
    public var offsetReset: OffsetReset
    /// Group session timeout (`session.timeout.ms`).
    public var sessionTimeoutMilliseconds: Int
    /// Group heartbeat interval (`heartbeat.interval.ms`).
    public var heartbeatIntervalMilliseconds: Int
    /// How often stored (processed) offsets are committed (`auto.commit.interval.ms`).
    public var autoCommitIntervalMilliseconds: Int
    /// How long the broker may hold a fetch that has no data (`fetch.wait.max.ms`).
    public var fetchWaitMaxMilliseconds: Int
    /// How long one blocking poll waits before it checks for cancellation.
    public var pollTimeoutMilliseconds: Int
    /// How long graceful shutdown waits for the application to finish the message in hand.
    public var handOverTimeoutMilliseconds: Int

    /// Creates a consumer configuration with the local-profile defaults.
    public init(
        client: KafkaClientConfiguration,
        subscription: Subscription,
        offsetReset: OffsetReset = .earliest,
        sessionTimeoutMilliseconds: Int = 6_000,
        heartbeatIntervalMilliseconds: Int = 1_000,
        autoCommitIntervalMilliseconds: Int = 1_000,
        fetchWaitMaxMilliseconds: Int = 500,
        pollTimeoutMilliseconds: Int = 100,
        handOverTimeoutMilliseconds: Int = 30_000
    ) {
        self.client = client
        self.subscription = subscription
        self.offsetReset = offsetReset
        self.sessionTimeoutMilliseconds = sessionTimeoutMilliseconds
        self.heartbeatIntervalMilliseconds = heartbeatIntervalMilliseconds
        self.autoCommitIntervalMilliseconds = autoCommitIntervalMilliseconds
        self.fetchWaitMaxMilliseconds = fetchWaitMaxMilliseconds
        self.pollTimeoutMilliseconds = pollTimeoutMilliseconds
        self.handOverTimeoutMilliseconds = handOverTimeoutMilliseconds
    }

    /// Every librdkafka property of this consumer, pass-through properties last.
    ///
    /// Offsets are stored by the application only (`enable.auto.offset.store=false`) once a
    /// message is processed, and those stored offsets are committed in the background and on
    /// every revocation: at-least-once.
    var librdkafkaProperties: [String: String] {
        var properties = client.librdkafkaProperties
        switch subscription {
        case .group(let id, _):
            properties["group.id"] = id
        case .partitions:
            // A plain reader: no group (so no coordinator round trips at start) and no commits.
            properties["enable.auto.commit"] = "false"
        }
        properties["auto.offset.reset"] = offsetReset.rawValue
        properties["enable.auto.offset.store"] = "false"
        properties["session.timeout.ms"] = String(sessionTimeoutMilliseconds)
        properties["heartbeat.interval.ms"] = String(heartbeatIntervalMilliseconds)
        properties["auto.commit.interval.ms"] = String(autoCommitIntervalMilliseconds)
        properties["fetch.wait.max.ms"] = String(fetchWaitMaxMilliseconds)
        properties["allow.auto.create.topics"] = String(client.allowAutoCreateTopics)
        properties["enable.partition.eof"] = "false"
        properties.merge(client.properties) { _, passThrough in passThrough }
        return properties
    }
}
