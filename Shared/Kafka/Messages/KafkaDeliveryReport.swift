/// Where the broker stored a produced message.
public struct KafkaDeliveryReport: Sendable, Hashable {
    /// The topic.
    public var topic: String
    /// The partition the message landed in.
    public var partition: Int32
    /// Its offset in that partition.
    public var offset: Int64

    /// Creates a delivery report.
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}
