import CRdKafka

/// librdkafka's in-process mock cluster: brokers on localhost ports inside this process, for
/// fast unit tests of producers and consumers without a real broker. One mock cluster is shared
/// by every client a test creates (point them all at ``bootstrapServers``).
///
/// Integration tests still run against a real broker; this does not replace them.
public final class KafkaMockCluster: Sendable {
    /// The host client that owns the cluster.
    private let host: RdKafkaHandle
    nonisolated(unsafe) private let cluster: OpaquePointer

    /// `host:port,…` of the mock brokers.
    public let bootstrapServers: String

    /// Starts a mock cluster of `brokers` brokers.
    public init(brokers: Int = 1) throws(KafkaError) {
        host = try RdKafkaHandle(type: RD_KAFKA_PRODUCER, properties: ["client.id": "homeprice-mock-cluster"])
        guard let cluster = rd_kafka_mock_cluster_new(host.pointer, Int32(brokers)) else {
            throw KafkaError(code: .clientCreationFailed, reason: "librdkafka could not start a mock cluster")
        }
        self.cluster = cluster
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
    }

    /// Creates a topic with `partitions` partitions.
    public func createTopic(_ name: String, partitions: Int) throws(KafkaError) {
        let error = rd_kafka_mock_topic_create(cluster, name, Int32(partitions), 1)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.rdKafka(.adminFailed, error, input: name)
        }
    }
}
