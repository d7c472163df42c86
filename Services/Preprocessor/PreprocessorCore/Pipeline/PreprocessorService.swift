import Configuration
import Kafka
import Logging
import Metrics
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

/// The preprocessor process: consumes `homes.normalized` in its consumer group and produces one
/// ``Schema/FeatureRow`` per home to `homes.features` (keyed by home id, so a newer version of
/// a home replaces the older row for latest-per-key readers), and unreadable homes to
/// `homes.deadletter`, through the shared ``Pipeline/BatchProcessor``: at-least-once, a
/// batch's offsets are stored only after its rows and dead letters are delivered.
public enum PreprocessorService: ServiceBuilder {
    /// `homeprice.preprocessor`.
    public static let label = "homeprice.preprocessor"

    /// `preprocessor.yaml` (the feature settings come from `pipeline.yaml`, always read).
    public static let configurationFiles = ["preprocessor.yaml"]

    /// The topics of the group consumer.
    public static let consumedTopics = [Topic.homesNormalized.name]

    /// Builds the preprocessor's services from `reader`.
    ///
    /// - Throws: ``PreprocessorError`` for a bad setting, `ServiceSupportError` for bad Kafka
    ///   settings, `KafkaError` when a client cannot be created.
    public static func services(reader: ConfigReader, layout: ProjectLayout?, logger: Logger) async throws -> [any Service] {
        let configuration = try PreprocessorConfiguration(reader: reader)
        return try services(
            preprocessor: Preprocessor(configuration: configuration), kafka: try KafkaSettings(reader: reader),
            batch: BatchSettings(reader: reader, stage: .preprocessing, service: configuration.serviceName), logger: logger)
    }

    /// The producer, the group consumer and the batch processor around `preprocessor`, in the
    /// order a `ServiceGroup` runs them (tests and benchmarks build the same wiring).
    ///
    /// - Parameters:
    ///   - preprocessor: The core, with the group id and service name.
    ///   - kafka: The Kafka client settings.
    ///   - batch: The batch processor's settings.
    ///   - logger: The service's logger.
    ///   - metrics: Where the preprocessor's counters live; the bootstrapped factory by default.
    /// - Throws: `KafkaError` when a client cannot be created.
    public static func services(
        preprocessor: Preprocessor, kafka: KafkaSettings, batch: BatchSettings, logger: Logger,
        metrics: any MetricsFactory = MetricsSystem.factory
    ) throws -> [any Service] {
        let name = preprocessor.configuration.serviceName
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: name), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: kafka.consumer(
                subscription: .group(id: preprocessor.configuration.groupId, topics: consumedTopics), clientId: name),
            logger: logger)
        let processor = BatchProcessor(
            consumer: consumer, producer: producer,
            handler: PreprocessorBatchHandler(preprocessor: preprocessor, logger: logger, metrics: metrics), settings: batch,
            logger: logger)
        return [producer, consumer, processor]
    }
}
