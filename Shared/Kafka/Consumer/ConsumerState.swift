/// The mutable state of a ``KafkaConsumer``, protected by its lock.
struct ConsumerState {
    /// Where the consumer is in its life.
    enum Lifecycle {
        /// Handing out messages.
        case running
        /// Graceful shutdown began: no more messages; the one in hand is finished, then the
        /// consumer closes.
        case closing
        /// Left the group; hands out nothing more.
        case closed
    }

    var lifecycle = Lifecycle.running
    /// Partitions the group currently assigns to this member.
    var assignment: Set<KafkaTopicPartition> = []
    /// Topic handles of a reader outside a group, by name.
    var readerTopics: [String: OpaquePointer] = [:]
}
