import Configuration
import Foundation
import Kafka
import Logging
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

/// The normalizer process: consumes `homes.raw` (and decisions on `review.tasks`) in its
/// consumer group, keeps `sources.catalog` as latest value per source, and produces to
/// `homes.normalized`, `homes.deadletter` and `review.tasks` through the shared
/// ``Pipeline/BatchProcessor`` (at-least-once: a batch's offsets are stored only after its
/// outputs are delivered and the warehouse is written).
///
/// The process's ``Pipeline/ServiceBuilder`` is `NormalizerProcess` (module
/// `PostgresWarehouse`), which opens the warehouse the configuration selects; this module
/// links SQLite only.
public enum NormalizerService {
    /// `homeprice.normalizer`.
    public static let label = "homeprice.normalizer"

    /// `normalizer.yaml` (its mappings come from `normalizer.sourcesDirectory`).
    public static let configurationFiles = ["normalizer.yaml"]

    /// The topics of the group consumer.
    public static let consumedTopics = [Topic.homesRaw.name, Topic.reviewTasks.name]

    /// Opens the store a configuration selects (relative paths against the layout).
    public typealias StoreOpener = @Sendable (NormalizerConfiguration, ProjectLayout?, Logger) throws -> any NormalizerStore

    /// Builds the normalizer's services from `reader`, its store opened by `openStore`.
    /// - Throws: ``NormalizationError`` for configuration and storage failures, `KafkaError`
    ///   when a client cannot be created.
    public static func services(
        reader: ConfigReader, layout: ProjectLayout?, logger: Logger, openStore: @escaping StoreOpener
    ) async throws -> [any Service] {
        let configuration = try NormalizerConfiguration(reader: reader)
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        // Opening connects, locks and may migrate: blocking work, kept off the cooperative pool.
        let store = try await BlockingExecutor(label: "homeprice.normalizer.open").run {
            try openStore(configuration, layout, logger)
        }
        let normalizer = Normalizer(configuration: configuration, catalog: catalog, store: store)
        return try services(
            normalizer: normalizer, kafka: try KafkaSettings(reader: reader),
            batch: BatchSettings(reader: reader, stage: .normalization, service: configuration.serviceName), logger: logger)
    }

    /// The producer, both consumers and the batch processor around `normalizer`, in the order a
    /// `ServiceGroup` runs them (tests and the benchmark build the same wiring).
    public static func services(
        normalizer: Normalizer, kafka: KafkaSettings, batch: BatchSettings, logger: Logger
    ) throws -> [any Service] {
        let name = normalizer.configuration.serviceName
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: name), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: kafka.consumer(
                subscription: .group(id: normalizer.configuration.groupId, topics: consumedTopics), clientId: name),
            logger: logger
        )
        let catalogConsumer = try KafkaConsumer(
            configuration: LatestValueReader<SourceDescriptor>.consumerConfiguration(settings: kafka, clientId: "\(name)-catalog"),
            logger: logger
        )
        let deadLetters = DeadLetterPublisher(settings: batch, producer: producer, logger: logger)
        let catalog = LatestValueReader<SourceDescriptor>(consumer: catalogConsumer, deadLetters: deadLetters, logger: logger) {
            descriptor in
            if normalizer.update(source: descriptor) {
                logger.info("source mapping updated", metadata: ["source.id": "\(descriptor.id)"])
            }
        }
        let admin = try KafkaAdmin(configuration: kafka.client)
        let handler = NormalizerBatchHandler(normalizer: normalizer, logger: logger) {
            try await catalog.waitUntilCaughtUp(admin: admin)
        }
        let processor = BatchProcessor(consumer: consumer, producer: producer, handler: handler, settings: batch, logger: logger)
        return [producer, consumer, catalogConsumer, catalog, processor]
    }
}
