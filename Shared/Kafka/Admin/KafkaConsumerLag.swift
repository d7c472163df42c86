/// How far a consumer group is behind on one topic.
public struct KafkaConsumerLag: Sendable, Equatable, Codable {
    /// One partition's position.
    public struct Partition: Sendable, Equatable, Codable {
        /// The partition.
        public var partition: Int32
        /// The group's committed offset, `nil` when it committed none.
        public var committed: Int64?
        /// The high watermark.
        public var high: Int64
        /// Messages on the partition the group has not committed past.
        public var lag: Int64
    }

    /// The consumer group.
    public var group: String
    /// The topic.
    public var topic: String
    /// Every partition of the topic.
    public var partitions: [Partition]

    /// Messages on the topic the group has not committed past.
    public var total: Int64 { partitions.reduce(0) { $0 + $1.lag } }
}
