/// A topic to create.
public struct KafkaTopicSpecification: Sendable, Hashable {
    /// The topic name.
    public var name: String
    /// How many partitions it has.
    public var partitions: Int
    /// How many replicas each partition has (`-1` for the broker default).
    public var replicationFactor: Int
    /// Topic configs, e.g. `cleanup.policy=compact`.
    public var configs: [String: String]

    /// Creates a topic specification.
    public init(name: String, partitions: Int, replicationFactor: Int = -1, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }
}
