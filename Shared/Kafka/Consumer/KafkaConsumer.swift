import CRdKafka
import Dispatch
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Reads messages from Kafka through librdkafka, as a group member or from given partitions.
///
/// At-least-once: a message's offset is stored only when the application calls
/// ``storeOffset(_:)`` after processing it; stored offsets are committed in the background,
/// on every revocation and on close. On graceful shutdown (``run()`` in a `ServiceGroup`) the
/// consumer stops handing out messages, waits until the one in hand is stored (or the
/// application asks for the next), commits and leaves the group.
public final class KafkaConsumer: Service, Sendable {
    /// The configuration the consumer was created with.
    public let configuration: KafkaConsumerConfiguration
    private let handle: RdKafkaHandle
    /// The queue every consumed message arrives on (`rd_kafka_queue_get_consumer`).
    nonisolated(unsafe) private let consumerQueue: OpaquePointer
    private let context: ConsumerContext
    private let consumedCounter: Counter
    /// Where blocking polls run, off the cooperative pool; also serialises close after them.
    private let pollQueue = DispatchQueue(label: "homeprice.kafka.consumer.poll")
    /// Where other blocking calls (commit, committed offsets) run.
    private let blockingQueue = DispatchQueue(label: "homeprice.kafka.consumer.blocking")

    /// Creates the consumer and subscribes (or assigns) as configured.
    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws(KafkaError) {
        self.configuration = configuration
        consumedCounter = Counter(label: "kafka_consumer_messages_total", dimensions: [("client", configuration.client.clientId)])
        let context = ConsumerContext(clientId: configuration.client.clientId, logger: logger)
        self.context = context
        let opaque = Unmanaged.passRetained(context).toOpaque()
        do {
            handle = try RdKafkaHandle(type: RD_KAFKA_CONSUMER, properties: configuration.librdkafkaProperties) {
                rd_kafka_conf_set_rebalance_cb($0, rebalanceCallback)
                rd_kafka_conf_set_opaque($0, opaque)
            }
        } catch {
            Unmanaged<ConsumerContext>.fromOpaque(opaque).release()
            throw error
        }
        if case .group = configuration.subscription {
            rd_kafka_poll_set_consumer(handle.pointer)
            consumerQueue = rd_kafka_queue_get_consumer(handle.pointer)
        } else {
            consumerQueue = rd_kafka_queue_new(handle.pointer)
        }
        try start(configuration.subscription)
    }

    deinit {
        if context.state.withLock({ $0.lifecycle }) != .closed {
            stopConsuming()
        }
        for topic in context.state.withLock({ $0.readerTopics.values }) {
            rd_kafka_topic_destroy(topic)
        }
        rd_kafka_queue_destroy(consumerQueue)
        // The client makes no callbacks after close; `handle` is destroyed right after this.
        Unmanaged.passUnretained(context).release()
    }

    /// Subscribes to the group's topics or assigns the given partitions.
    private func start(_ subscription: KafkaConsumerConfiguration.Subscription) throws(KafkaError) {
        switch subscription {
        case .group(_, let topics):
            let list = TopicPartitionList(capacity: topics.count)
            for topic in topics {
                list.add(KafkaTopicPartition(topic: topic, partition: RD_KAFKA_PARTITION_UA))
            }
            let error = rd_kafka_subscribe(handle.pointer, list.pointer)
            guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError.rdKafka(.assignmentFailed, error, input: topics.joined(separator: ","))
            }
        case .partitions(let partitions):
            // Outside a group: librdkafka's per-partition fetchers feed the consumer's queue.
            for partition in partitions {
                let offset: Int64 =
                    switch partition.position {
                    case .beginning: Int64(RD_KAFKA_OFFSET_BEGINNING)
                    case .end: Int64(RD_KAFKA_OFFSET_END)
                    case .offset(let offset): offset
                    }
                let topic = readerTopic(partition.topicPartition.topic)
                guard rd_kafka_consume_start_queue(topic, partition.topicPartition.partition, offset, consumerQueue) == 0 else {
                    throw KafkaError.rdKafka(.assignmentFailed, rd_kafka_last_error(), input: "\(partition.topicPartition)")
                }
            }
            context.assigned(partitions.map(\.topicPartition), replacing: true)
        }
    }

    /// The `rd_kafka_topic_t` of a topic read outside a group, created once with its metadata
    /// fetched right away: without it the fetchers wait for the next metadata refresh (about
    /// half a second) before the first fetch.
    private func readerTopic(_ name: String) -> OpaquePointer {
        let (topic, created) = context.state.withLock { state in
            if let topic = state.readerTopics[name] { return (topic, false) }
            let topic = rd_kafka_topic_new(handle.pointer, name, nil)!
            state.readerTopics[name] = topic
            return (topic, true)
        }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        if created, rd_kafka_metadata(handle.pointer, 0, topic, &metadata, 5_000) == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata {
            rd_kafka_metadata_destroy(metadata)
        }
        return topic
    }

    /// Leaves the group, or stops the partition fetchers of a reader outside a group.
    private func stopConsuming() {
        guard case .partitions = configuration.subscription else {
            rd_kafka_consumer_close(handle.pointer)
            return
        }
        let topics = context.state.withLock { $0.readerTopics }
        for partition in assignment {
            if let topic = topics[partition.topic] { rd_kafka_consume_stop(topic, partition.partition) }
        }
    }

    /// The messages, as an async sequence; iterate it from one task.
    public var messages: KafkaConsumerMessages { KafkaConsumerMessages(consumer: self) }

    /// The partitions this consumer currently reads.
    public var assignment: Set<KafkaTopicPartition> { context.state.withLock { $0.assignment } }

    // MARK: Offsets

    /// Marks `message` processed: its offset (plus one) is committed with the next commit.
    /// A reader outside a group commits nothing, so there this only frees the message in hand.
    public func storeOffset(_ message: KafkaConsumerMessage) throws(KafkaError) {
        try store(
            [KafkaTopicPartition(topic: message.topic, partition: message.partition): message.offset + 1],
            input: message.position
        )
    }

    /// Marks a batch of messages processed: for each partition, the offset after its last
    /// message is committed with the next commit. Store a batch only once everything it
    /// produced is delivered (at-least-once).
    public func storeOffsets(_ messages: [KafkaConsumerMessage]) throws(KafkaError) {
        var next: [KafkaTopicPartition: Int64] = [:]
        for message in messages {
            let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
            next[partition] = max(next[partition] ?? 0, message.offset + 1)
        }
        try store(next, input: "\(next.keys.map(\.description).sorted())")
    }

    /// Stores the next offset of each partition (outside a group there is nothing to store)
    /// and frees the message in hand; `input` names what was stored in an error.
    private func store(_ next: [KafkaTopicPartition: Int64], input: String) throws(KafkaError) {
        guard case .group = configuration.subscription, !next.isEmpty else {
            context.messageInHand.store(false, ordering: .sequentiallyConsistent)
            return
        }
        let list = TopicPartitionList(capacity: next.count)
        for (partition, offset) in next { list.add(partition, offset: offset) }
        let error = rd_kafka_offsets_store(handle.pointer, list.pointer)
        let entryError = list.entries.first { $0.error != RD_KAFKA_RESP_ERR_NO_ERROR }?.error ?? RD_KAFKA_RESP_ERR_NO_ERROR
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR, entryError == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let cause = error != RD_KAFKA_RESP_ERR_NO_ERROR ? error : entryError
            throw KafkaError.rdKafka(.commitFailed, cause, input: input)
        }
        context.messageInHand.store(false, ordering: .sequentiallyConsistent)
    }

    /// Commits every stored offset now and waits for the broker's answer.
    public func commit() async throws(KafkaError) {
        let client = handle
        let error = await runBlocking { rd_kafka_commit(client.pointer, nil, 0) }
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR || error == RD_KAFKA_RESP_ERR__NO_OFFSET else {
            throw KafkaError.rdKafka(.commitFailed, error, input: "stored offsets")
        }
    }

    /// The group's committed offsets of `partitions` (`nil` where none is committed).
    public func committedOffsets(
        for partitions: [KafkaTopicPartition],
        timeout: Duration = .seconds(10)
    ) async throws(KafkaError) -> [KafkaTopicPartition: Int64] {
        let client = handle
        let milliseconds = Int32(timeout.components.seconds * 1_000)
        let result: Result<[KafkaTopicPartition: Int64], KafkaError> = await runBlocking {
            let list = TopicPartitionList(capacity: partitions.count)
            for partition in partitions { list.add(partition) }
            let error = rd_kafka_committed(client.pointer, list.pointer, milliseconds)
            guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                return .failure(KafkaError.rdKafka(.queryFailed, error, input: "committed offsets"))
            }
            var offsets: [KafkaTopicPartition: Int64] = [:]
            for entry in list.entries where entry.offset >= 0 {
                offsets[entry.partition] = entry.offset
            }
            return .success(offsets)
        }
        return try result.get()
    }

    // MARK: Flow control

    /// Stops fetching from `partitions` (they stay assigned).
    public func pause(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        try changeFlow(partitions, pausing: true)
    }

    /// Fetches from `partitions` again.
    public func resume(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        try changeFlow(partitions, pausing: false)
    }

    private func changeFlow(_ partitions: [KafkaTopicPartition], pausing: Bool) throws(KafkaError) {
        let list = TopicPartitionList(capacity: partitions.count)
        for partition in partitions { list.add(partition) }
        let error =
            pausing
            ? rd_kafka_pause_partitions(handle.pointer, list.pointer)
            : rd_kafka_resume_partitions(handle.pointer, list.pointer)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.rdKafka(.assignmentFailed, error, input: "\(partitions)")
        }
    }

    // MARK: Lifecycle

    /// Waits for graceful shutdown (or cancellation), lets the application finish the message
    /// in hand (up to `handOverTimeoutMilliseconds`), then commits and leaves the group.
    public func run() async throws {
        let (shutdown, signal) = AsyncStream.makeStream(of: Void.self)
        await withGracefulShutdownHandler {
            for await _ in shutdown { break }
        } onGracefulShutdown: {
            signal.finish()
        }
        context.state.withLock { state in
            if case .running = state.lifecycle { state.lifecycle = .closing }
        }
        context.handsOutMessages.store(false, ordering: .sequentiallyConsistent)
        if context.messageInHand.load(ordering: .sequentiallyConsistent) {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: .milliseconds(configuration.handOverTimeoutMilliseconds))
            while context.messageInHand.load(ordering: .sequentiallyConsistent), clock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        await close()
    }

    /// Stops handing out messages, commits stored offsets and leaves the group. Calling it
    /// again does nothing.
    public func close() async {
        let alreadyClosed = context.state.withLock { state -> Bool in
            defer { state.lifecycle = .closed }
            return state.lifecycle == .closed
        }
        context.handsOutMessages.store(false, ordering: .sequentiallyConsistent)
        guard !alreadyClosed else { return }
        let client = handle
        let shouldCommit = configuration.librdkafkaProperties["enable.auto.commit"] != "false"
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            pollQueue.async {
                if shouldCommit { _ = rd_kafka_commit(client.pointer, nil, 0) }
                self.stopConsuming()
                continuation.resume()
            }
        }
        context.logger.debug("kafka consumer closed")
    }

    // MARK: Polling (used by the message sequence)

    /// Called by the iterator before each poll: frees the message in hand and says whether
    /// to go on.
    func takeNextMessage() -> Bool {
        context.messageInHand.store(false, ordering: .sequentiallyConsistent)
        return context.handsOutMessages.load(ordering: .sequentiallyConsistent)
    }

    /// Called by the iterator when it hands a message to the application.
    func holdMessage() {
        context.messageInHand.store(true, ordering: .sequentiallyConsistent)
    }

    /// How many revocations happened so far; the iterator drops buffered messages of revoked
    /// partitions when this changes.
    var revocations: Int { context.revocations.load(ordering: .sequentiallyConsistent) }

    /// Logs a non-fatal consumer error; a broker outage once per change (``ConnectivityLog``).
    func logNonFatal(_ error: KafkaError, code: rd_kafka_resp_err_t) {
        context.connectivity.nonFatal(error, err: code)
    }

    /// A blocking batch poll of up to `capacity` messages on the consumer's dispatch queue.
    func pollOffThePool(capacity: Int = batchSize) async -> ConsumerPollBatch {
        let timeout = Int32(configuration.pollTimeoutMilliseconds)
        return await withCheckedContinuation { continuation in
            pollQueue.async {
                continuation.resume(returning: self.poll(timeoutMilliseconds: timeout, capacity: capacity))
            }
        }
    }

    /// Up to `capacity` messages (waiting up to `timeoutMilliseconds` for the first), copied
    /// into Swift values, with the first error met among them.
    func poll(timeoutMilliseconds: Int32, capacity: Int = batchSize) -> ConsumerPollBatch {
        guard context.handsOutMessages.load(ordering: .sequentiallyConsistent) else { return ConsumerPollBatch() }
        let capacity = max(1, capacity)
        let raw = UnsafeMutablePointer<UnsafeMutablePointer<rd_kafka_message_t>?>.allocate(capacity: capacity)
        defer { raw.deallocate() }
        // A batch call with a timeout waits for a *full* batch; wait for the first message
        // alone instead, then take whatever else is already there.
        var count = 0
        if timeoutMilliseconds > 0 {
            guard let first = rd_kafka_consume_queue(consumerQueue, timeoutMilliseconds) else { return ConsumerPollBatch() }
            raw[0] = first
            count = 1
        }
        count += max(0, rd_kafka_consume_batch_queue(consumerQueue, 0, raw + count, capacity - count))
        var batch = ConsumerPollBatch()
        guard count > 0 else { return batch }
        batch.messages.reserveCapacity(count)
        var topicNames = TopicNameCache()
        for index in 0..<count {
            guard let message = raw[index] else { continue }
            defer { rd_kafka_message_destroy(message) }
            let topic = topicNames.name(of: message.pointee.rkt)
            guard message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                if batch.error == nil {
                    batch.error = KafkaError.rdKafka(
                        .consumeFailed,
                        message.pointee.err,
                        input: "\(topic)[\(message.pointee.partition)]@\(message.pointee.offset)"
                    )
                    batch.fatal = message.pointee.err == RD_KAFKA_RESP_ERR__FATAL
                    batch.errorCode = message.pointee.err
                }
                continue
            }
            batch.messages.append(KafkaConsumerMessage(message, topic: topic))
        }
        consumedCounter.increment(by: Int64(batch.messages.count))
        if !batch.messages.isEmpty { context.connectivity.answered() }
        return batch
    }

    /// Most messages one poll takes from librdkafka.
    public static let batchSize = 1_024

    /// Runs a blocking librdkafka call on the blocking queue.
    private func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            blockingQueue.async { continuation.resume(returning: work()) }
        }
    }
}
