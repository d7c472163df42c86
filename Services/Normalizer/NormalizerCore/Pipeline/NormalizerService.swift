import Foundation
import Kafka
import Logging
import Schema
import ServiceLifecycle

/// The normalizer as a long-running service: consumes `homes.raw` (and decisions on
/// `review.tasks`) in its consumer group, keeps `sources.catalog` as latest value per source,
/// and produces to `homes.normalized`, `homes.deadletter` and `review.tasks`.
///
/// At-least-once: a message's offset is stored only after everything it produced is delivered
/// and the warehouse is written; after a crash the message is processed again, which the
/// idempotent store and keyed outputs absorb. A storage or delivery failure stops the service
/// (the offset stays unstored) instead of skipping the message.
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

    /// Processes messages until the consumer closes (graceful shutdown) or a failure.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await readCatalog() }
            group.addTask { try await process() }
            try await group.next()
            group.cancelAll()
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

    private func process() async throws {
        for try await message in consumer.messages {
            let output = try outputs(of: message)
            let messages = try Self.messages(output)
            if !messages.isEmpty {
                _ = try await producer.send(messages)
            }
            try consumer.storeOffset(message)
        }
    }

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
