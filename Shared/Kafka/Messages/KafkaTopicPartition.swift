/// One partition of one topic.
public struct KafkaTopicPartition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The topic name.
    public var topic: String
    /// The partition number.
    public var partition: Int32

    /// Creates a topic partition.
    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }
}

/// A partition and the offset to read it from.
public struct KafkaTopicPartitionOffset: Sendable, Hashable {
    /// Where reading starts.
    public enum Position: Sendable, Hashable {
        /// The oldest stored message.
        case beginning
        /// After the newest stored message.
        case end
        /// A given offset.
        case offset(Int64)
    }

    /// The partition.
    public var topicPartition: KafkaTopicPartition
    /// The start position.
    public var position: Position

    /// Creates a partition with its start position.
    public init(topic: String, partition: Int32, position: Position) {
        self.topicPartition = KafkaTopicPartition(topic: topic, partition: partition)
        self.position = position
    }
}
