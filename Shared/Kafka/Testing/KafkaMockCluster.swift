import CRdKafka
import Glibc

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
    ///
    /// The cluster's thread is started with every signal blocked: librdkafka's mock thread stops
    /// and frees the cluster when its `poll` is interrupted by a signal (EINTR), which a test
    /// process that starts and kills child processes receives at any time; the later destroy
    /// then crashed the process. Threads inherit the creating thread's signal mask.
    public init(brokers: Int = 1) throws(KafkaError) {
        host = try RdKafkaHandle(type: RD_KAFKA_PRODUCER, properties: ["client.id": "homeprice-mock-cluster"])
        var everySignal = sigset_t()
        var previousMask = sigset_t()
        sigfillset(&everySignal)
        pthread_sigmask(SIG_BLOCK, &everySignal, &previousMask)
        let started = rd_kafka_mock_cluster_new(host.pointer, Int32(brokers))
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        guard let cluster = started else {
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
