import CRdKafka
import Dispatch
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// Produces messages to Kafka through librdkafka.
///
/// Delivery reports, errors and logs arrive as librdkafka events on the client's main queue,
/// which ``run()`` drains whenever librdkafka signals that events are waiting; `run()` must be
/// running for awaited sends to complete (run it in a `ServiceGroup`, or use
/// ``withProducer(configuration:logger:_:)``). On graceful shutdown the producer stops taking
/// messages, delivers everything queued (bounded by `message.timeout.ms`) and returns.
public final class KafkaProducer: Service, Sendable {
    /// The configuration the producer was created with.
    public let configuration: KafkaProducerConfiguration
    private let handle: RdKafkaHandle
    nonisolated(unsafe) private let mainQueue: OpaquePointer
    private let wakeups: EventQueueWakeups
    private let state = Mutex(ProducerState())
    private let logger: Logger
    private let connectivity: ConnectivityLog
    /// Where metadata probes block while no broker answers.
    private let probeQueue = DispatchQueue(label: "homeprice.kafka.producer.probe")
    /// Where ``sendEach(_:immediately:)`` holds a flush while its messages leave.
    private let flushQueue = DispatchQueue(label: "homeprice.kafka.producer.flush")
    /// Immediate sends not yet covered by a flush that started after them.
    private let flushRequests = Atomic(0)
    /// Whether a metadata probe is running.
    private let probing = Atomic(false)
    private let deliveredCounter: Counter
    private let failedCounter: Counter

    /// Bits of a message's opaque value that hold its index in its batch.
    private static let indexBits: UInt64 = 24

    /// Creates a producer; nothing is sent until the first message.
    public init(configuration: KafkaProducerConfiguration, logger: Logger) throws(KafkaError) {
        self.configuration = configuration
        self.logger = logger
        connectivity = ConnectivityLog(client: "kafka producer", clientId: configuration.client.clientId, logger: logger)
        let dimensions = [("client", configuration.client.clientId)]
        deliveredCounter = Counter(label: "kafka_producer_delivered_total", dimensions: dimensions)
        failedCounter = Counter(label: "kafka_producer_failed_total", dimensions: dimensions)
        handle = try RdKafkaHandle(type: RD_KAFKA_PRODUCER, properties: configuration.librdkafkaProperties) {
            rd_kafka_conf_set_events($0, RD_KAFKA_EVENT_DR | RD_KAFKA_EVENT_ERROR | RD_KAFKA_EVENT_LOG)
            var ignored = [CChar](repeating: 0, count: 256)
            rd_kafka_conf_set($0, "log.queue", "true", &ignored, ignored.count)
        }
        mainQueue = rd_kafka_queue_get_main(handle.pointer)
        rd_kafka_set_log_queue(handle.pointer, nil)
        wakeups = EventQueueWakeups(queue: mainQueue, tick: .milliseconds(100), label: "homeprice.kafka.producer")
    }

    deinit {
        rd_kafka_queue_io_event_enable(mainQueue, -1, nil, 0)
        wakeups.stop()
        for topic in state.withLock({ $0.topicHandles.values }) {
            rd_kafka_topic_destroy(topic)
        }
        rd_kafka_queue_destroy(mainQueue)
    }

    /// Runs `body` with a producer whose event loop runs alongside, then shuts the producer
    /// down gracefully (everything queued is delivered or reported failed).
    public static func withProducer<Result: Sendable>(
        configuration: KafkaProducerConfiguration,
        logger: Logger,
        _ body: (KafkaProducer) async throws -> Result
    ) async throws -> Result {
        let producer = try KafkaProducer(configuration: configuration, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await producer.run() }
            do {
                let result = try await body(producer)
                producer.beginShutdown()
                try await group.waitForAll()
                return result
            } catch {
                producer.beginShutdown()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    // MARK: Sending

    /// Sends one message and returns where the broker stored it.
    public func send(_ message: KafkaProducerMessage) async throws(KafkaError) -> KafkaDeliveryReport {
        try await send([message])[0]
    }

    /// Sends messages and returns, in order, where the broker stored each; throws the first
    /// failure if any message was not delivered (the others may have been: at-least-once).
    /// `immediately` as for ``sendEach(_:immediately:)``.
    public func send(_ messages: [KafkaProducerMessage], immediately: Bool = false) async throws(KafkaError) -> [KafkaDeliveryReport] {
        try await sendEach(messages, immediately: immediately).map { result throws(KafkaError) in try result.get() }
    }

    /// Sends messages and returns, in order, each one's outcome: where the broker stored it,
    /// or why it was not delivered (``KafkaError/Code/messageRejected`` when the message
    /// itself was refused, for example as too large).
    /// - Parameters:
    ///   - messages: The messages, in order.
    ///   - immediately: Send them at once instead of waiting up to `linger.ms` for more
    ///     messages to join them: for a caller whose messages already are a whole batch (a
    ///     stage's outputs), which would otherwise wait one linger for nothing.
    public func sendEach(
        _ messages: [KafkaProducerMessage], immediately: Bool = false
    ) async -> [Result<KafkaDeliveryReport, KafkaError>] {
        guard !messages.isEmpty else { return [] }
        precondition(messages.count < 1 << Self.indexBits, "a batch holds fewer than 16M messages")
        let batchID: UInt64
        do {
            batchID = try state.withLock { state throws(KafkaError) in try state.openBatch(count: messages.count) }
        } catch {
            return messages.map { _ in .failure(error) }
        }
        for (index, message) in messages.enumerated() {
            do {
                try await enqueue(message, opaque: batchID << Self.indexBits | UInt64(index))
            } catch {
                state.withLock { $0.record(.failure(error), batchID: batchID, index: index) }?.resume()
            }
        }
        if immediately { sendQueuedNow() }
        return await withCheckedContinuation { continuation in
            state.withLock { $0.await(batchID: batchID, continuation: continuation) }?.resume()
        }
    }

    /// Has librdkafka send what is queued now, ignoring `linger.ms`: `rd_kafka_flush` marks the
    /// producer as flushing while it waits (blocking, on its own queue) until nothing the
    /// producer holds is outstanding, or one linger has passed (by then the messages would
    /// have gone anyway). While it waits, every sender on this producer skips the linger.
    /// Requests made during a flush are served by one more flush, never by a queue of them.
    /// Delivery reports still reach the event loop: with event delivery reports, flush serves
    /// no queue.
    private func sendQueuedNow() {
        let linger = Int32(clamping: configuration.lingerMilliseconds)
        guard linger > 0, flushRequests.add(1, ordering: .acquiringAndReleasing).oldValue == 0 else { return }
        flushQueue.async { [self] in
            var requests = flushRequests.load(ordering: .acquiring)
            while requests > 0 {
                rd_kafka_flush(handle.pointer, linger)
                requests = flushRequests.subtract(requests, ordering: .acquiringAndReleasing).newValue
            }
        }
    }

    /// Hands a message to librdkafka without waiting for its delivery report; failures are
    /// counted in ``statistics`` and logged. Waits only while librdkafka's queue is full.
    public func enqueue(_ message: KafkaProducerMessage) async throws(KafkaError) {
        guard state.withLock({ if case .running = $0.lifecycle { true } else { false } }) else {
            throw KafkaError(code: .shutDown, reason: "the producer is shutting down", input: message.topic)
        }
        try await enqueue(message, opaque: 0)
    }

    /// Every broker outage this producer lived through, as it ends (the broker's first answer:
    /// a delivery or a metadata probe); the newest few are kept until read. One reader.
    public var brokerRecoveries: AsyncStream<BrokerOutage> { connectivity.recoveries }

    /// Whether the producer reaches a broker: false from its first connectivity error until
    /// the broker answers again.
    public var reachesBroker: Bool { !connectivity.isDisconnected }

    /// Waits until every queued message is delivered or failed, or `timeout` passes.
    public func flush(timeout: Duration) async throws(KafkaError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        rd_kafka_flush(handle.pointer, 0)
        while rd_kafka_outq_len(handle.pointer) > 0 {
            guard clock.now < deadline else {
                throw KafkaError(
                    code: .deliveryFailed,
                    reason: "flush timed out with \(rd_kafka_outq_len(handle.pointer)) messages outstanding"
                )
            }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Counters since the producer started.
    public var statistics: KafkaProducerStatistics {
        let outstanding = Int(rd_kafka_outq_len(handle.pointer))
        return state.withLock {
            KafkaProducerStatistics(
                delivered: $0.delivered,
                failed: $0.failed,
                outstanding: outstanding,
                lastFailure: $0.lastFailure
            )
        }
    }

    /// Hands `message` to librdkafka with `opaque` as its per-message value, retrying while
    /// the local queue is full.
    private func enqueue(_ message: KafkaProducerMessage, opaque: UInt64) async throws(KafkaError) {
        let topic = topicHandle(message.topic)
        while true {
            let error = produce(message, topic: topic, opaque: opaque)
            guard let error else { return }
            let code = rd_kafka_error_code(error)
            guard code == RD_KAFKA_RESP_ERR__QUEUE_FULL else {
                throw KafkaError.consuming(.enqueueFailed, error, input: message.topic)
            }
            rd_kafka_error_destroy(error)
            guard state.withLock({ if case .finished = $0.lifecycle { false } else { true } }) else {
                throw KafkaError(code: .shutDown, reason: "the producer stopped", input: message.topic)
            }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// One `rd_kafka_produceva` call; returns librdkafka's error, if any.
    private func produce(_ message: KafkaProducerMessage, topic: OpaquePointer, opaque: UInt64) -> OpaquePointer? {
        var headers: OpaquePointer?
        if !message.headers.isEmpty {
            headers = rd_kafka_headers_new(message.headers.count)
            for header in message.headers {
                if let value = header.value {
                    value.withUnsafeBytes { bytes in
                        _ = rd_kafka_header_add(headers, header.name, -1, bytes.baseAddress, bytes.count)
                    }
                } else {
                    _ = rd_kafka_header_add(headers, header.name, -1, nil, 0)
                }
            }
        }
        let error = message.value.withUnsafeBytes { value in
            withKeyBytes(message.key) { key in
                var values = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 7)
                values[0].vtype = RD_KAFKA_VTYPE_RKT
                values[0].u.rkt = topic
                values[1].vtype = RD_KAFKA_VTYPE_VALUE
                values[1].u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                values[1].u.mem.size = value.count
                values[2].vtype = RD_KAFKA_VTYPE_MSGFLAGS
                values[2].u.i = RD_KAFKA_MSG_F_COPY
                values[3].vtype = RD_KAFKA_VTYPE_OPAQUE
                values[3].u.ptr = UnsafeMutableRawPointer(bitPattern: UInt(opaque))
                values[4].vtype = RD_KAFKA_VTYPE_PARTITION
                values[4].u.i32 = message.partition ?? RD_KAFKA_PARTITION_UA
                var count = 5
                if let key {
                    values[count].vtype = RD_KAFKA_VTYPE_KEY
                    values[count].u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                    values[count].u.mem.size = key.count
                    count += 1
                }
                if let headers {
                    values[count].vtype = RD_KAFKA_VTYPE_HEADERS
                    values[count].u.headers = headers
                    count += 1
                }
                return rd_kafka_produceva(handle.pointer, values, count)
            }
        }
        if error != nil, let headers {
            rd_kafka_headers_destroy(headers)
        }
        return error
    }

    /// The cached `rd_kafka_topic_t` of `name`.
    private func topicHandle(_ name: String) -> OpaquePointer {
        state.withLock { state in
            if let topic = state.topicHandles[name] { return topic }
            let topic = rd_kafka_topic_new(handle.pointer, name, nil)!
            state.topicHandles[name] = topic
            return topic
        }
    }

    // MARK: Event loop

    /// Drains delivery reports, errors and logs until graceful shutdown or cancellation, then
    /// delivers what is queued (bounded by `message.timeout.ms`) and fails what is left.
    public func run() async throws {
        let clock = ContinuousClock()
        var shutdownDeadline: ContinuousClock.Instant?
        await withGracefulShutdownHandler {
            var nextProbe = clock.now
            for await _ in wakeups.stream {
                drainEvents()
                if connectivity.isDisconnected, clock.now >= nextProbe {
                    nextProbe = clock.now.advanced(by: .milliseconds(configuration.brokerProbeIntervalMilliseconds))
                    probeBroker()
                }
                let lifecycle = state.withLock { $0.lifecycle }
                guard case .shuttingDown = lifecycle else { continue }
                let deadline =
                    shutdownDeadline
                    ?? clock.now.advanced(by: .milliseconds(configuration.messageTimeoutMilliseconds + 1_000))
                shutdownDeadline = deadline
                rd_kafka_flush(handle.pointer, 0)
                if rd_kafka_outq_len(handle.pointer) == 0 || clock.now >= deadline { break }
            }
        } onGracefulShutdown: {
            self.beginShutdown()
        }
        drainEvents()
        let error = KafkaError(code: .shutDown, reason: "the producer stopped before the broker acknowledged")
        for resumption in state.withLock({ $0.failAll(with: error) }) {
            resumption.resume()
        }
        logger.debug("kafka producer stopped", metadata: ["kafka.client": "\(handle.name)"])
    }

    /// Asks the broker for metadata off the event loop (one probe at a time); an answer ends
    /// the outage in progress.
    private func probeBroker() {
        guard probing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        let timeout = Int32(clamping: configuration.brokerProbeIntervalMilliseconds)
        probeQueue.async { [self] in
            defer { probing.store(false, ordering: .releasing) }
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let err = rd_kafka_metadata(handle.pointer, 0, nil, &metadata, timeout)
            if let metadata { rd_kafka_metadata_destroy(metadata) }
            if err == RD_KAFKA_RESP_ERR_NO_ERROR { connectivity.answered() }
        }
    }

    /// Stops taking messages; ``run()`` delivers what is queued and returns.
    public func beginShutdown() {
        state.withLock {
            if case .running = $0.lifecycle { $0.lifecycle = .shuttingDown }
        }
        wakeups.wake()
    }

    /// Handles every event waiting on the main queue.
    private func drainEvents() {
        while let event = rd_kafka_queue_poll(mainQueue, 0) {
            defer { rd_kafka_event_destroy(event) }
            switch rd_kafka_event_type(event) {
            case RD_KAFKA_EVENT_DR:
                handleDeliveryReports(event)
            case RD_KAFKA_EVENT_ERROR:
                handleError(event)
            case RD_KAFKA_EVENT_LOG:
                logEvent(event, logger: logger)
            default:
                break
            }
        }
    }

    /// Resolves awaited sends and counts fire-and-forget deliveries of one report event.
    private func handleDeliveryReports(_ event: OpaquePointer) {
        var outcomes: [(opaque: UInt64, result: Result<KafkaDeliveryReport, KafkaError>)] = []
        var fireAndForget: (delivered: UInt64, failed: UInt64, last: KafkaError?) = (0, 0, nil)
        while let message = rd_kafka_event_message_next(event) {
            let opaque = UInt64(UInt(bitPattern: message.pointee._private))
            let failure: KafkaError? =
                message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR
                ? nil
                : KafkaError.rdKafka(
                    .deliveryFailed,
                    message.pointee.err,
                    input: "\(String(cString: rd_kafka_topic_name(message.pointee.rkt)))[\(message.pointee.partition)]"
                )
            if opaque == 0 {
                if let failure {
                    fireAndForget.failed += 1
                    fireAndForget.last = failure
                } else {
                    fireAndForget.delivered += 1
                }
                continue
            }
            let result: Result<KafkaDeliveryReport, KafkaError> =
                if let failure {
                    .failure(failure)
                } else {
                    .success(
                        KafkaDeliveryReport(
                            topic: String(cString: rd_kafka_topic_name(message.pointee.rkt)),
                            partition: message.pointee.partition,
                            offset: message.pointee.offset
                        )
                    )
                }
            outcomes.append((opaque, result))
        }
        if let last = fireAndForget.last {
            logger.warning("kafka delivery failed", metadata: ["kafka.error": "\(last)"])
        }
        let failedAwaited = outcomes.count { if case .failure = $0.result { true } else { false } }
        if fireAndForget.delivered + UInt64(outcomes.count - failedAwaited) > 0 { connectivity.answered() }
        deliveredCounter.increment(by: Int64(fireAndForget.delivered) + Int64(outcomes.count - failedAwaited))
        failedCounter.increment(by: Int64(fireAndForget.failed) + Int64(failedAwaited))
        let resumptions = state.withLock { state in
            state.delivered += fireAndForget.delivered
            state.failed += fireAndForget.failed
            if let last = fireAndForget.last { state.lastFailure = last }
            return outcomes.compactMap { outcome in
                state.record(
                    outcome.result,
                    batchID: outcome.opaque >> Self.indexBits,
                    index: Int(outcome.opaque & (1 << Self.indexBits - 1))
                )
            }
        }
        for resumption in resumptions { resumption.resume() }
    }

    /// Logs a client error; a fatal one fails everything outstanding.
    private func handleError(_ event: OpaquePointer) {
        let err = rd_kafka_event_error(event)
        let fatal = rd_kafka_event_error_is_fatal(event) != 0
        let error = KafkaError.rdKafka(fatal ? .fatal : .transient, err, input: String(cString: rd_kafka_event_error_string(event)))
        guard fatal else {
            connectivity.nonFatal(error, err: err)
            return
        }
        logger.error("kafka producer fatal error", metadata: ["kafka.error": "\(error)"])
        for resumption in state.withLock({ $0.failAll(with: error) }) {
            resumption.resume()
        }
    }
}

/// Runs `body` with the bytes of an optional key.
private func withKeyBytes<Result>(_ key: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> Result) -> Result {
    guard let key else { return body(nil) }
    return key.withUnsafeBytes { body($0) }
}
