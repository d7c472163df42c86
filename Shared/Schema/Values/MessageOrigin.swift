/// Where a Kafka record was read from.
public struct MessageOrigin: Codable, Sendable, Equatable {
    /// The topic name, for example `"homes.raw"`.
    public var topic: String

    /// The partition index.
    public var partition: Int

    /// The record's offset within the partition.
    public var offset: Int64

    /// Creates an origin.
    ///
    /// - Parameters:
    ///   - topic: The topic name.
    ///   - partition: The partition index.
    ///   - offset: The record's offset within the partition.
    public init(topic: String, partition: Int, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}
