import Configuration
import Foundation
import Kafka
import Logging
import Metrics
import ModelRegistry
import MonitorCore
import Pipeline
import Prometheus
import Schema
import ServiceLifecycle
import ServiceSupport

/// The monitor process: `homes.raw` (counted per source by key), `homes.features`,
/// `predictions`, `feedback` and `homes.deadletter`
/// against each region's champion on `models.registry` → drift, live accuracy, A/B verdicts and
/// alerts on `pipeline.monitoring`, `retrain` commands on `pipeline.control`; the dashboard,
/// `/health` and `/metrics` over HTTP; review decisions on `review.tasks`.
///
/// **State is rebuilt from the topics.** The stream is read from the beginning of every
/// partition outside any consumer group, so after a restart the windows and the join hold what
/// they held before (within the topics' retention). Alerts of the replayed part are published
/// again; a `retrain` command keeps its id (region and event time), which the trainer applies
/// once. A message it cannot read (on the stream, `models.registry` or `review.tasks`) is
/// dead-lettered once per start, with the same origin each time.
public enum MonitorService: ServiceBuilder {
    /// `homeprice.monitor`.
    public static let label = "homeprice.monitor"

    /// `monitor.yaml`.
    public static let configurationFiles = ["monitor.yaml"]

    /// The topics the monitor's stream reads.
    public static let streamTopics: [Topic] = [.homesRaw, .homesFeatures, .predictions, .feedback, .homesDeadLetter, .pipelineMonitoring]

    /// Builds the monitor's services from `reader`.
    public static func services(reader: ConfigReader, layout: ProjectLayout?, logger: Logger) async throws -> [any Service] {
        let configuration = try MonitorConfiguration(reader: reader, layout: layout)
        let batch = BatchSettings(reader: reader, stage: .monitoring, service: configuration.settings.serviceName)
        return try services(
            configuration: configuration, kafka: KafkaSettings(reader: reader), batch: batch,
            metrics: (MetricsSystem.factory as? PrometheusMetricsFactory)?.registry, logger: logger)
    }

    /// The monitor's clients, stream processor and web application for `configuration`, in
    /// `ServiceGroup` order (tests build the same wiring).
    ///
    /// - Parameter onServerRunning: Called with the HTTP port once the server listens.
    public static func services(
        configuration: MonitorConfiguration, kafka: KafkaSettings, batch: BatchSettings, metrics: PrometheusCollectorRegistry?,
        logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> [any Service] {
        let name = configuration.settings.serviceName
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: name), logger: logger)
        let partitions = streamTopics.flatMap { topic in
            (0..<Int32(topic.defaultPartitionCount)).map {
                KafkaTopicPartitionOffset(topic: topic.name, partition: $0, position: .beginning)
            }
        }
        let stream = try KafkaConsumer(
            configuration: kafka.consumer(subscription: .partitions(partitions), clientId: "\(name)-stream"), logger: logger)
        let registryConsumer = try KafkaConsumer(
            configuration: LatestValueReader<ModelEvent>.consumerConfiguration(settings: kafka, clientId: "\(name)-registry"),
            logger: logger)
        let deadLetters = DeadLetterPublisher(settings: batch, producer: producer, logger: logger)
        let registry = LatestValueReader<ModelEvent>(consumer: registryConsumer, deadLetters: deadLetters, logger: logger)
        let reviewConsumer = try KafkaConsumer(
            configuration: LatestValueReader<ReviewTask>.consumerConfiguration(settings: kafka, clientId: "\(name)-reviews"),
            logger: logger)
        let reviews = LatestValueReader<ReviewTask>(consumer: reviewConsumer, deadLetters: deadLetters, logger: logger)
        let artifacts: ArtifactStore
        do {
            artifacts = try ArtifactStore(directory: configuration.artifactsDirectory)
        } catch {
            throw MonitorError(.invalidConfiguration, reason: error.reason, input: configuration.artifactsDirectory.path)
        }
        let champions = ChampionSource(
            registry: registry, admin: try KafkaAdmin(configuration: kafka.client), artifacts: artifacts,
            regions: configuration.regions, modelName: { configuration.modelName(of: $0) })
        let handler = MonitorHandler(monitor: Monitor(settings: configuration.settings), champions: champions, logger: logger)
        let processor = BatchProcessor(consumer: stream, producer: producer, handler: handler, settings: batch, logger: logger)
        let lag = ConsumerLagWatcher(
            admin: try KafkaAdmin(configuration: kafka.client), groups: configuration.watchedGroups, interval: configuration.lagInterval)
        let router = MonitorApplication.buildRouter(
            data: {
                DashboardData(monitor: handler.snapshot, registry: champions.state, reviews: Array(reviews.values.values), lag: lag.lag)
            },
            desk: ReviewDesk(tasks: { reviews.values }, publisher: KafkaPublisher(producer: producer)),
            credentials: BasicCredentials(user: configuration.reviewUser, password: configuration.reviewPassword), metrics: metrics,
            reportFile: configuration.reportFile)
        let application = MonitorApplication.build(
            router: router, host: configuration.httpHost, port: configuration.httpPort, logger: logger, onServerRunning: onServerRunning)
        return [producer, stream, registryConsumer, registry, reviewConsumer, reviews, lag, application, processor]
    }
}
