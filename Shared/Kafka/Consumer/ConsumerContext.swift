import Logging
import Synchronization

/// What a ``KafkaConsumer`` shares with librdkafka's rebalance callback: its state and logger.
///
/// The callback finds it through the client's opaque pointer, so it is retained for as long
/// as the client can call back (until the consumer is closed and destroyed).
final class ConsumerContext: Sendable {
    let state = Mutex(ConsumerState())
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
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
        logger.info("kafka partitions revoked", metadata: ["kafka.partitions": "\(partitions.map(\.description))"])
    }

    /// Logs a failed commit on revocation: those messages will be delivered again.
    func commitFailed(_ error: KafkaError) {
        logger.warning("kafka commit on revoke failed", metadata: ["kafka.error": "\(error)"])
    }
}
