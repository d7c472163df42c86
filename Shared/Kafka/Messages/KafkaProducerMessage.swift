/// A message to produce.
public struct KafkaProducerMessage: Sendable, Hashable {
    /// The destination topic.
    public var topic: String
    /// The key; messages with equal keys go to the same partition, in order.
    public var key: [UInt8]?
    /// The payload.
    public var value: [UInt8]
    /// Record headers.
    public var headers: [KafkaHeader]
    /// An explicit partition, or `nil` for the partitioner (by key).
    public var partition: Int32?

    /// Creates a message from raw bytes.
    public init(
        topic: String,
        key: [UInt8]? = nil,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        partition: Int32? = nil
    ) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
        self.partition = partition
    }

    /// Creates a message whose key and value are UTF-8 text.
    public init(
        topic: String,
        key: String?,
        value: String,
        headers: [KafkaHeader] = [],
        partition: Int32? = nil
    ) {
        self.init(
            topic: topic,
            key: key.map { Array($0.utf8) },
            value: Array(value.utf8),
            headers: headers,
            partition: partition
        )
    }
}
