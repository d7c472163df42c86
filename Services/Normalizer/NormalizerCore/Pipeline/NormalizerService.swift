import Foundation
import Kafka
import Logging
import Schema
import ServiceLifecycle

/// The normalizer as a long-running service: consumes `homes.raw` (and decisions on
/// `review.tasks`) in its consumer group, keeps `sources.catalog` as latest value per source,
/// and produces to `homes.normalized`, `homes.deadletter` and `review.tasks`.
///
/// At-least-once: messages are taken in batches, and a batch's offsets are stored only after
/// everything it produced is delivered (one awaited send per batch) and the warehouse is
/// written; after a crash the batch is processed again, which the idempotent store and keyed
/// outputs absorb. A storage or delivery failure stops the service (the offsets stay
/// unstored) instead of skipping messages.
public struct NormalizerService: Service {
    private let normalizer: Normalizer
    private let consumer: KafkaConsumer
    private let catalogReader: KafkaConsumer
    private let producer: KafkaProducer
    private let logger: Logger

    /// Creates the service.
    /// - Parameters:
    ///   - normalizer: The core that maps, resolves and stores.
    ///   - consumer: A group consumer subscribed to `homes.raw` and `review.tasks`.
    ///   - catalogReader: A consumer assigned every partition of `sources.catalog` from the
    ///     beginning, outside the group, so every instance sees every source.
    ///   - producer: The producer of the outputs; run it in the same `ServiceGroup`.
    ///   - logger: The service's logger.
    public init(
        normalizer: Normalizer,
        consumer: KafkaConsumer,
        catalogReader: KafkaConsumer,
        producer: KafkaProducer,
        logger: Logger
    ) {
        self.normalizer = normalizer
        self.consumer = consumer
        self.catalogReader = catalogReader
        self.producer = producer
        self.logger = logger
    }

    /// The topics of the group consumer.
    public static let consumedTopics = [Topic.homesRaw.name, Topic.reviewTasks.name]

    /// Processes messages until graceful shutdown, the consumer's close, or a failure.
    ///
    /// On graceful shutdown the service finishes the batch in hand (outputs delivered,
    /// offsets stored) and returns; list it after its consumers and producer in the
    /// `ServiceGroup` so they shut down after it: the consumers commit what it stored and the
    /// producer delivers what is queued.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await readCatalog() }
                group.addTask { try await process() }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    private func readCatalog() async throws {
        for try await message in catalogReader.messages {
            do {
                let descriptor = try SourceDescriptor.decode(from: Data(message.value))
                if normalizer.update(source: descriptor) {
                    logger.info("source mapping updated", metadata: ["source.id": "\(descriptor.id)"])
                }
            } catch {
                logger.warning("unreadable catalog entry", metadata: ["kafka.position": "\(message.position)", "error": "\(error)"])
            }
        }
    }

    /// Per batch: normalize every message in order in one warehouse transaction, send all
    /// outputs with one awaited send, then store the batch's offsets. A failure or crash before
    /// the offsets are stored leaves the whole batch to be processed again, which the
    /// idempotent store and keyed outputs absorb.
    private func process() async throws {
        var batches = consumer.messages.makeAsyncIterator()
        while !Task.isCancelled, let batch = try await batches.nextBatch(maximum: Self.batchSize) {
            // One warehouse transaction per batch (one sync to disk instead of one per record);
            // each record still nests in its own savepoint.
            let produced = try normalizer.store.transaction { () throws(NormalizationError) -> [KafkaProducerMessage] in
                var produced: [KafkaProducerMessage] = []
                for message in batch {
                    produced += try Self.messages(try outputs(of: message))
                }
                return produced
            }
            if !produced.isEmpty {
                _ = try await producer.send(produced)
            }
            try consumer.storeOffsets(batch)
        }
    }

    /// Most raw records in one batch: large enough to amortise the delivery round trip, small
    /// enough that a batch finishes quickly on shutdown.
    static let batchSize = 500

    private func outputs(of message: KafkaConsumerMessage) throws(NormalizationError) -> NormalizerOutput {
        let origin = MessageOrigin(topic: message.topic, partition: Int(message.partition), offset: message.offset)
        if message.topic == Topic.reviewTasks.name {
            guard let task = try? ReviewTask.decode(from: Data(message.value)) else {
                logger.warning("unreadable review task", metadata: ["kafka.position": "\(message.position)"])
                return NormalizerOutput()
            }
            return try normalizer.apply(decision: task)
        }
        return try normalizer.normalize(message: Data(message.value), key: message.keyString, origin: origin)
    }

    /// The Kafka messages of an output, keyed by each message's schema key.
    static func messages(_ output: NormalizerOutput) throws(NormalizationError) -> [KafkaProducerMessage] {
        var messages: [KafkaProducerMessage] = []
        do {
            for home in output.homes {
                messages.append(KafkaProducerMessage(topic: Home.topic.name, key: Array(home.key.utf8), value: Array(try home.encoded())))
            }
            for task in output.reviewTasks {
                messages.append(
                    KafkaProducerMessage(topic: ReviewTask.topic.name, key: Array(task.key.utf8), value: Array(try task.encoded())))
            }
            for letter in output.deadLetters {
                messages.append(
                    KafkaProducerMessage(topic: DeadLetter.topic.name, key: Array(letter.key.utf8), value: Array(try letter.encoded()))
                )
            }
        } catch {
            throw NormalizationError(.invalidMessage, reason: "cannot encode an output: \(error)")
        }
        return messages
    }
}
