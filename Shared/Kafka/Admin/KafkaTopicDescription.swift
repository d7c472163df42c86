/// A topic as the broker's metadata describes it.
public struct KafkaTopicDescription: Sendable, Hashable, Codable {
    /// The topic name.
    public var name: String
    /// Its partition numbers.
    public var partitions: [Int32]

    /// Creates a topic description.
    public init(name: String, partitions: [Int32]) {
        self.name = name
        self.partitions = partitions
    }
}

/// The low and high watermark of one partition: the first stored offset and the offset the
/// next message will get.
public struct KafkaWatermarks: Sendable, Hashable, Codable {
    /// The partition.
    public var partition: Int32
    /// The oldest stored offset.
    public var low: Int64
    /// The offset after the newest message.
    public var high: Int64

    /// Creates watermarks.
    public init(partition: Int32, low: Int64, high: Int64) {
        self.partition = partition
        self.low = low
        self.high = high
    }
}

extension Array where Element == KafkaWatermarks {
    /// The messages the partitions hold: high minus low watermark, summed.
    public var messages: Int64 { reduce(0) { $0 + $1.high - $1.low } }
}

/// A broker of the cluster, from metadata.
public struct KafkaBrokerDescription: Sendable, Hashable, Codable {
    /// The broker id.
    public var id: Int32
    /// Its host.
    public var host: String
    /// Its port.
    public var port: Int32

    /// Creates a broker description.
    public init(id: Int32, host: String, port: Int32) {
        self.id = id
        self.host = host
        self.port = port
    }
}
