import Configuration
import Foundation
import Kafka
import Logging
import ModelRegistry
import NIOCore
import NormalizerCore
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

/// The model server process: the HTTP API (``ServerApplication``) and the Kafka path
/// (`predictions.requests` → `predictions`, `pipeline.control` promote/rollback → `models.registry`), serving every non-archived version that
/// `models.registry` names from the artifact store, reloaded without restart.
public enum ServerService: ServiceBuilder {
    /// `homeprice.server`.
    public static let label = "homeprice.server"

    /// `server.yaml`, and `normalizer.yaml` for the raw-record mapping settings (the feature
    /// settings come from `pipeline.yaml`).
    public static let configurationFiles = ["server.yaml", "normalizer.yaml"]

    /// Builds the server's services from `reader`.
    public static func services(reader: ConfigReader, layout: ProjectLayout?, logger: Logger) async throws -> [any Service] {
        let configuration = try ServerConfiguration(reader: reader, layout: layout)
        return try services(
            configuration: configuration, kafka: try KafkaSettings(reader: reader),
            batch: BatchSettings(reader: reader, stage: .serving, service: configuration.serviceName), logger: logger)
    }

    /// The server's clients, readers, queue, request processor and HTTP application, in
    /// `ServiceGroup` order (tests build the same wiring).
    ///
    /// - Parameter onServerRunning: Called with the listening channel once HTTP is up.
    public static func services(
        configuration: ServerConfiguration, kafka: KafkaSettings, batch: BatchSettings, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> [any Service] {
        let name = configuration.serviceName
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: name), logger: logger)
        let publisher = KafkaPublisher(producer: producer)
        let queue = PublishingQueue(
            publisher: publisher, journal: try PublishingJournal(settings: configuration.journal, logger: logger),
            batchSize: configuration.publishBatchSize, retryDelay: configuration.publishRetryDelay, logger: logger)
        let artifacts: ArtifactStore
        let sources: SourceCatalog
        do {
            artifacts = try ArtifactStore(directory: configuration.artifactsDirectory)
            sources = try SourceCatalog.load(directory: configuration.sourcesDirectory)
        } catch {
            throw ServerError(.invalidConfiguration, reason: "\(error)")
        }
        let catalog = ModelCatalog(loader: ModelLoader(artifacts: artifacts), logger: logger) { key, error in
            queue.enqueueTransient([alert(key: key, error: error, service: name)])
        }
        let registryConsumer = try KafkaConsumer(
            configuration: LatestValueReader<ModelEvent>.consumerConfiguration(settings: kafka, clientId: "\(name)-registry"),
            logger: logger)
        let deadLetters = DeadLetterPublisher(settings: batch, producer: producer, logger: logger)
        let registry = LatestValueReader<ModelEvent>(consumer: registryConsumer, deadLetters: deadLetters, logger: logger) {
            catalog.receive($0)
        }
        let warmup = CatalogWarmup(registry: registry, admin: try KafkaAdmin(configuration: kafka.client), catalog: catalog, logger: logger)
        let rawRecords = RawRecordReader(catalog: sources, configuration: configuration.normalizer)
        let sourcesConsumer = try KafkaConsumer(
            configuration: LatestValueReader<SourceDescriptor>.consumerConfiguration(settings: kafka, clientId: "\(name)-catalog"),
            logger: logger)
        let sourceReader = LatestValueReader<SourceDescriptor>(consumer: sourcesConsumer, deadLetters: deadLetters, logger: logger) {
            rawRecords.update($0)
        }
        let components = ServerComponents(
            configuration: configuration, catalog: catalog, rawRecords: rawRecords, queue: queue, publisher: publisher)
        let requests = try KafkaConsumer(
            configuration: kafka.consumer(
                subscription: .group(id: configuration.groupId, topics: [Topic.predictionRequests.name]), clientId: name),
            logger: logger)
        let processor = BatchProcessor(
            consumer: requests, producer: producer,
            handler: PredictionRequestHandler(predictor: components.predictor, catalog: catalog, experiments: components.experiments),
            settings: batch, logger: logger)
        let control = try KafkaConsumer(
            configuration: kafka.consumer(
                subscription: .group(id: "\(configuration.groupId)-control", topics: [Topic.pipelineControl.name]),
                clientId: "\(name)-control"),
            logger: logger)
        let controlProcessor = BatchProcessor(
            consumer: control, producer: producer, handler: ControlCommandHandler(catalog: catalog, configuration: configuration),
            settings: batch, logger: logger)
        let application = ServerApplication.build(components: components, logger: logger, onServerRunning: onServerRunning)
        return [
            producer, registryConsumer, registry, sourcesConsumer, sourceReader, catalog, warmup, queue, requests, processor, control,
            controlProcessor, application,
        ]
    }

    /// The `pipeline.monitoring` alert of a refused model.
    static func alert(key: String, error: ServerError, service: String) -> MonitoringEvent {
        MonitoringEvent(
            service: service, kind: .alert, name: "model.refused", labels: ["model": key, "code": error.qualifiedCode],
            severity: .error, message: "\(key) refused; the previous model keeps serving: \(error.reasonWithInput)", at: Date())
    }
}
