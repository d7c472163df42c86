import Foundation
import Kafka
import Logging
import Metrics
import Schema
import ServiceLifecycle

/// The loop of every stream stage: consume a batch, transform it, publish everything it
/// produced with one awaited send (sent at once, not after a linger), then store the batch's
/// offsets.
///
/// **At-least-once.** Offsets are stored only after the outputs are delivered; a crash before
/// that processes the batch again, which keyed outputs and idempotent sinks absorb.
///
/// **No poison pills.** A message the handler cannot process goes to `homes.deadletter` as a
/// bounded ``Schema/DeadLetter`` (``DeadLetterWriter``). A message whose output the broker
/// refuses (too large, invalid) is dead-lettered instead of its output; if even its dead
/// letter is refused, the message is skipped with a `message.skipped` alert on
/// `pipeline.monitoring`. Only a failure of the whole batch (the handler throws, or the broker
/// is unreachable) stops the processor, with the batch's offsets unstored.
public struct BatchProcessor: Service {
    private let consumer: KafkaConsumer
    private let producer: KafkaProducer
    private let handler: any BatchHandler
    private let settings: BatchSettings
    private let deadLetters: DeadLetterWriter
    private let logger: Logger
    private let processed: Counter
    private let deadLettered: Counter
    private let skipped: Counter
    /// Where a batch's outputs are encoded, on every core (off the cooperative pool).
    private let encoding = BlockingExecutor(label: "homeprice.pipeline.encoding")

    /// Creates the processor.
    /// - Parameters:
    ///   - consumer: A group consumer of the stage's input topics; run it in the same group.
    ///   - producer: The producer of the outputs; run it in the same group.
    ///   - handler: The stage's transform.
    ///   - settings: Batch size, names and dead-letter bounds.
    ///   - logger: The service's logger.
    public init(
        consumer: KafkaConsumer, producer: KafkaProducer, handler: any BatchHandler, settings: BatchSettings, logger: Logger
    ) {
        self.consumer = consumer
        self.producer = producer
        self.handler = handler
        self.settings = settings
        self.deadLetters = DeadLetterWriter(stage: settings.stage, service: settings.service, policy: settings.deadLetters)
        self.logger = logger
        let dimensions = [("stage", settings.stage.rawValue)]
        processed = Counter(label: "pipeline_messages_processed_total", dimensions: dimensions)
        deadLettered = Counter(label: "pipeline_messages_dead_lettered_total", dimensions: dimensions)
        skipped = Counter(label: "pipeline_messages_skipped_total", dimensions: dimensions)
    }

    /// Processes batches until graceful shutdown or the consumer's close; finishes the batch in
    /// hand first. List it after its consumer and producer in the `ServiceGroup`.
    ///
    /// A batch's offsets are stored before the next batch is polled: the consumer's hand-over
    /// on shutdown and on a rebalance counts on it (see ``KafkaConsumer``).
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            var batches = consumer.messages.makeAsyncIterator()
            while !Task.isCancelled, let batch = try await batches.nextBatch(maximum: settings.batchSize) {
                try await deliver(try await prepare(batch))
            }
        }
    }

    /// A batch and what the handler made of each message.
    private struct HandledBatch: Sendable {
        var batch: [KafkaConsumerMessage]
        var outcomes: [MessageOutcome]
    }

    /// Runs the handler on a batch.
    /// - Throws: ``PipelineError/Code/batchFailed`` when the batch must be processed again.
    private func prepare(_ batch: [KafkaConsumerMessage]) async throws -> HandledBatch {
        let outcomes: [MessageOutcome]
        do {
            outcomes = try await handler.handle(batch)
        } catch {
            throw PipelineError(.batchFailed, reason: "the handler failed: \(error)", input: batch.first?.position)
        }
        guard outcomes.count == batch.count else {
            throw PipelineError(
                .batchFailed, reason: "the handler returned \(outcomes.count) outcomes for \(batch.count) messages",
                input: batch.first?.position)
        }
        return HandledBatch(batch: batch, outcomes: outcomes)
    }

    /// Encodes a handled batch's outputs on every core (dead letters for failures and for
    /// outputs that cannot be encoded), publishes them with one awaited send, then stores the
    /// offsets.
    /// - Throws: ``PipelineError/Code/batchFailed`` when the batch must be processed again.
    private func deliver(_ handled: HandledBatch) async throws {
        let batch = handled.batch
        let outcomes = handled.outcomes
        let encoded = try await encoding.run { outcomes.concurrentMap(Self.messages(of:)) }
        var planned: [(input: Int, message: KafkaProducerMessage)] = []
        var failedInputs = 0
        for (index, outcome) in outcomes.enumerated() {
            let reasons: [FailureReason]
            switch encoded[index] {
            case .success(let messages):
                planned += messages.map { (index, $0) }
                continue
            case .failure(let error): reasons = [FailureReason(code: "output.encodingFailed", message: error.reason)]
            case nil: reasons = outcome.failures
            }
            planned.append((index, try deadLetterMessage(for: batch[index], reasons: reasons)))
            failedInputs += 1
        }
        let results = await producer.sendEach(planned.map(\.message), immediately: true)
        var rejected: [Int: KafkaError] = [:]
        for (plan, result) in zip(planned, results) {
            guard case .failure(let error) = result else { continue }
            guard error.code == .messageRejected else {
                throw PipelineError(.batchFailed, reason: "an output was not delivered: \(error)", input: batch[plan.input].position)
            }
            rejected[plan.input] = error
        }
        for (input, error) in rejected.sorted(by: { $0.key < $1.key }) {
            try await deadLetterRejected(batch[input], error: error)
        }
        deadLettered.increment(by: failedInputs + rejected.count)
        processed.increment(by: batch.count)
        do {
            try consumer.storeOffsets(batch)
        } catch {
            throw PipelineError(.batchFailed, reason: "cannot store offsets: \(error)", input: batch.first?.position)
        }
    }

    /// A message whose output (or first dead letter) the broker refused: a minimal dead letter,
    /// or, when that is refused too, a skip reported on `pipeline.monitoring`.
    private func deadLetterRejected(_ message: KafkaConsumerMessage, error: KafkaError) async throws {
        var minimal = deadLetters.deadLetter(
            for: message, reasons: [FailureReason(code: "output.rejected", message: "the broker refused an output: \(error.reason)")])
        if minimal.originalSHA256 == nil {
            minimal.originalLength = message.value.count
            minimal.originalSHA256 = DeadLetterWriter.sha256(Data(message.value))
        }
        minimal.originalPayload = ""
        let letter = try KafkaProducerMessage(minimal)
        if case .success = await producer.sendEach([letter], immediately: true)[0] { return }
        skipped.increment()
        logger.error(
            "message skipped: neither its output nor its dead letter was accepted", metadata: ["kafka.position": "\(message.position)"])
        let event = MonitoringEvent(
            service: settings.service, kind: .alert, name: "message.skipped", values: ["bytes": Double(message.value.count)],
            labels: ["position": message.position, "stage": settings.stage.rawValue], severity: .error,
            message: "a message was skipped: the broker refused its output and its dead letter (\(error.reason))", at: Date())
        if case .failure(let failure) = await producer.sendEach([try KafkaProducerMessage(event)], immediately: true)[0] {
            throw PipelineError(.batchFailed, reason: "cannot report a skipped message: \(failure)", input: message.position)
        }
    }

    /// The Kafka messages of a successful outcome's outputs, or why one cannot be encoded;
    /// `nil` for a failed outcome.
    @Sendable private static func messages(of outcome: MessageOutcome) -> Result<[KafkaProducerMessage], PipelineError>? {
        guard !outcome.isFailure else { return nil }
        return Result { () throws(PipelineError) in
            try outcome.outputs.map { output throws(PipelineError) in try KafkaProducerMessage(output) }
        }
    }

    private func deadLetterMessage(for message: KafkaConsumerMessage, reasons: [FailureReason]) throws(PipelineError)
        -> KafkaProducerMessage
    {
        try KafkaProducerMessage(deadLetters.deadLetter(for: message, reasons: reasons))
    }
}
