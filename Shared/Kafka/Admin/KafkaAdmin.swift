import CRdKafka
import Dispatch
import Logging

/// Creates, deletes and describes topics.
///
/// Every request blocks inside librdkafka, so each runs on the admin's own dispatch queue and
/// is awaited through a continuation.
public final class KafkaAdmin: Sendable {
    private let handle: RdKafkaHandle
    private let blockingQueue = DispatchQueue(label: "homeprice.kafka.admin")
    private let timeout: Duration
    /// The client properties the watermark probe's consumer starts from.
    private let probeProperties: [String: String]

    /// Creates an admin client; `timeout` bounds each request.
    public init(configuration: KafkaClientConfiguration, timeout: Duration = .seconds(10)) throws(KafkaError) {
        var properties = configuration.librdkafkaProperties
        properties.merge(configuration.properties) { _, passThrough in passThrough }
        handle = try RdKafkaHandle(type: RD_KAFKA_PRODUCER, properties: properties)
        probeProperties = properties
        self.timeout = timeout
    }

    private var timeoutMilliseconds: Int32 {
        Int32(timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Creates topics; a topic that already exists counts as created, so this is idempotent.
    public func createTopics(_ topics: [KafkaTopicSpecification]) async throws(KafkaError) {
        guard !topics.isEmpty else { return }
        try await runBlocking { () throws(KafkaError) in
            var newTopics: [OpaquePointer?] = []
            defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
            for topic in topics {
                var reason = [CChar](repeating: 0, count: 512)
                guard
                    let newTopic = rd_kafka_NewTopic_new(
                        topic.name,
                        Int32(topic.partitions),
                        Int32(topic.replicationFactor),
                        &reason,
                        reason.count
                    )
                else {
                    throw KafkaError(code: .adminFailed, reason: String(cBuffer: reason), input: topic.name)
                }
                newTopics.append(newTopic)
                for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                    let error = rd_kafka_NewTopic_set_config(newTopic, name, value)
                    guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                        throw KafkaError.rdKafka(.adminFailed, error, input: "\(topic.name): \(name)=\(value)")
                    }
                }
            }
            try self.request(RD_KAFKA_EVENT_CREATETOPICS_RESULT) { queue in
                rd_kafka_CreateTopics(self.handle.pointer, &newTopics, newTopics.count, nil, queue)
            } results: { event in
                var count = 0
                let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
                return (0..<count).map { results![$0]! }
            } accept: {
                $0 == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS
            }
        }
    }

    /// Deletes topics; a topic that does not exist counts as deleted.
    public func deleteTopics(_ names: [String]) async throws(KafkaError) {
        guard !names.isEmpty else { return }
        try await runBlocking { () throws(KafkaError) in
            var deletions: [OpaquePointer?] = names.map { rd_kafka_DeleteTopic_new($0) }
            defer { deletions.forEach { rd_kafka_DeleteTopic_destroy($0) } }
            try self.request(RD_KAFKA_EVENT_DELETETOPICS_RESULT) { queue in
                rd_kafka_DeleteTopics(self.handle.pointer, &deletions, deletions.count, nil, queue)
            } results: { event in
                var count = 0
                let results = rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(event), &count)
                return (0..<count).map { results![$0]! }
            } accept: {
                $0 == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
            }
        }
    }

    /// Every topic with its partitions, sorted by name.
    public func listTopics() async throws(KafkaError) -> [KafkaTopicDescription] {
        try await withMetadata { metadata in
            (0..<Int(metadata.topic_cnt)).map { index in
                let topic = metadata.topics[index]
                return KafkaTopicDescription(
                    name: String(cString: topic.topic),
                    partitions: (0..<Int(topic.partition_cnt)).map { topic.partitions[$0].id }.sorted()
                )
            }
            .sorted { $0.name < $1.name }
        }
    }

    /// The brokers the metadata names.
    public func brokers() async throws(KafkaError) -> [KafkaBrokerDescription] {
        try await withMetadata { metadata in
            (0..<Int(metadata.broker_cnt)).map { index in
                let broker = metadata.brokers[index]
                return KafkaBrokerDescription(id: broker.id, host: String(cString: broker.host), port: broker.port)
            }
        }
    }

    /// The watermarks of `partitions` of `topic`, as the broker reports them in fetch
    /// responses.
    ///
    /// Fetch responses rather than ListOffsets: tansu answers ListOffsets(latest) with the
    /// base offset of the last batch, while its fetch responses carry the true high watermark;
    /// against Apache Kafka both agree.
    public func watermarks(topic: String, partitions: [Int32]) async throws(KafkaError) -> [KafkaWatermarks] {
        guard !partitions.isEmpty else { return [] }
        let properties = probeProperties
        let timeout = timeout
        return try await runBlocking { () throws(KafkaError) in
            try WatermarkProbe(properties: properties).watermarks(topic: topic, partitions: partitions, timeout: timeout)
        }
    }

    /// How far `group` is behind on `topic`: per partition, the high watermark minus the
    /// group's committed offset (the whole partition from its low watermark when the group
    /// committed nothing there).
    public func lag(group: String, topic: String) async throws(KafkaError) -> KafkaConsumerLag {
        guard let description = try await listTopics().first(where: { $0.name == topic }) else {
            throw KafkaError(code: .queryFailed, reason: "no such topic", input: topic)
        }
        let marks = try await watermarks(topic: topic, partitions: description.partitions)
        let properties = probeProperties
        let timeout = timeout
        let committed = try await runBlocking { () throws(KafkaError) in
            try CommittedOffsetProbe(properties: properties).committed(
                group: group, topic: topic, partitions: description.partitions, timeout: timeout)
        }
        return KafkaConsumerLag(
            group: group, topic: topic,
            partitions: marks.map { mark in
                let position = (committed[mark.partition] ?? nil).map { max($0, mark.low) } ?? mark.low
                return KafkaConsumerLag.Partition(
                    partition: mark.partition, committed: committed[mark.partition] ?? nil, high: mark.high,
                    lag: max(0, mark.high - position))
            })
    }

    // MARK: Plumbing

    /// Runs one metadata request and reads the answer with `read`.
    private func withMetadata<Value: Sendable>(
        _ read: @escaping @Sendable (rd_kafka_metadata) -> Value
    ) async throws(KafkaError) -> Value {
        let milliseconds = timeoutMilliseconds
        return try await runBlocking { () throws(KafkaError) in
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let error = rd_kafka_metadata(self.handle.pointer, 1, nil, &metadata, milliseconds)
            guard error == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                throw KafkaError.rdKafka(.queryFailed, error, input: "metadata")
            }
            defer { rd_kafka_metadata_destroy(metadata) }
            return read(metadata.pointee)
        }
    }

    /// Sends one admin request on a private queue, waits for its result event and checks the
    /// per-topic results; errors `accept` allows count as success.
    private func request(
        _ expected: rd_kafka_event_type_t,
        send: (OpaquePointer) -> Void,
        results: (OpaquePointer) -> [OpaquePointer],
        accept: (rd_kafka_resp_err_t) -> Bool
    ) throws(KafkaError) {
        let queue = rd_kafka_queue_new(handle.pointer)!
        defer { rd_kafka_queue_destroy(queue) }
        send(queue)
        guard let event = rd_kafka_queue_poll(queue, timeoutMilliseconds + 1_000) else {
            throw KafkaError(code: .adminFailed, reason: "no answer within \(timeout)")
        }
        defer { rd_kafka_event_destroy(event) }
        guard rd_kafka_event_type(event) == expected else {
            throw KafkaError(code: .adminFailed, reason: "unexpected admin event \(rd_kafka_event_type(event))")
        }
        let error = rd_kafka_event_error(event)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(code: .adminFailed, reason: String(cString: rd_kafka_event_error_string(event)))
        }
        for result in results(event) {
            let error = rd_kafka_topic_result_error(result)
            guard error == RD_KAFKA_RESP_ERR_NO_ERROR || accept(error) else {
                let reason = rd_kafka_topic_result_error_string(result).map { String(cString: $0) } ?? ""
                throw KafkaError(code: .adminFailed, reason: reason, input: String(cString: rd_kafka_topic_result_name(result)))
            }
        }
    }

    /// Runs blocking librdkafka work on the admin queue.
    private func runBlocking<Value: Sendable>(
        _ work: @escaping @Sendable () throws(KafkaError) -> Value
    ) async throws(KafkaError) -> Value {
        let result: Result<Value, KafkaError> = await withCheckedContinuation { continuation in
            blockingQueue.async {
                continuation.resume(returning: Result { () throws(KafkaError) in try work() })
            }
        }
        return try result.get()
    }
}
