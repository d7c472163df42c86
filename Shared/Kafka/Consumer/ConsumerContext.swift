import Logging
import Synchronization

/// What a ``KafkaConsumer`` shares with librdkafka's rebalance callback: its state and logger.
///
/// The callback finds it through the client's opaque pointer, so it is retained for as long
/// as the client can call back (until the consumer is closed and destroyed).
final class ConsumerContext: Sendable {
    let state = Mutex(ConsumerState())
    let logger: Logger
    /// The consumer's broker outages, logged once per change.
    let connectivity: ConnectivityLog
    /// Whether the consumer still hands out messages; mirrors `state.lifecycle == .running`
    /// for the per-message path, which reads it without the lock.
    let handsOutMessages = Atomic(true)
    /// Whether the application holds a message it has not finished (neither stored its
    /// offset nor asked for the next one).
    let messageInHand = Atomic(false)
    /// How many times partitions were revoked.
    let revocations = Atomic(0)

    init(clientId: String, logger: Logger) {
        self.logger = logger
        connectivity = ConnectivityLog(client: "kafka consumer", clientId: clientId, logger: logger)
    }

    /// Records partitions the group assigned.
    func assigned(_ partitions: [KafkaTopicPartition], replacing: Bool) {
        state.withLock { state in
            if replacing { state.assignment = [] }
            state.assignment.formUnion(partitions)
        }
        logger.info("kafka partitions assigned", metadata: ["kafka.partitions": "\(partitions.map(\.description))"])
    }

    /// Records partitions the group took away.
    func revoked(_ partitions: [KafkaTopicPartition]) {
        state.withLock { $0.assignment.subtract(partitions) }
        revocations.add(1, ordering: .sequentiallyConsistent)
        logger.info("kafka partitions revoked", metadata: ["kafka.partitions": "\(partitions.map(\.description))"])
    }

    /// Logs a failed commit on revocation: those messages will be delivered again.
    func commitFailed(_ error: KafkaError) {
        logger.warning("kafka commit on revoke failed", metadata: ["kafka.error": "\(error)"])
    }
}
