import Configuration
import Foundation
import Kafka
import Logging
import ModelRegistry
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

/// The trainer process: `homes.features` and `feedback` → one model per region, validated and
/// registered on `models.registry` with its artifacts in the content-addressed store, per-epoch
/// metrics on `pipeline.monitoring`; trained on a weekly schedule, on data volume, or on a
/// `retrain` command.
public enum TrainerService: ServiceBuilder {
    /// `homeprice.trainer`.
    public static let label = "homeprice.trainer"

    /// `trainer.yaml` (the feature settings come from `pipeline.yaml`).
    public static let configurationFiles = ["trainer.yaml"]

    /// Builds the trainer's services from `reader`.
    public static func services(reader: ConfigReader, layout: ProjectLayout?, logger: Logger) async throws -> [any Service] {
        try services(
            configuration: TrainerConfiguration(reader: reader, layout: layout), kafka: KafkaSettings(reader: reader), clock: .system,
            logger: logger)
    }

    /// The trainer's clients and loop for `configuration`, in `ServiceGroup` order (tests build
    /// the same wiring).
    public static func services(
        configuration: TrainerConfiguration, kafka: KafkaSettings, clock: TrainerClock, logger: Logger
    ) throws -> [any Service] {
        let stateFile = StateFile<TrainerState>(url: configuration.stateDirectory.appendingPathComponent("state.json"))
        let state = try stateFile.load() ?? TrainerState()
        let name = configuration.serviceName
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: name), logger: logger)
        let inputs = try KafkaConsumer(
            configuration: kafka.consumer(subscription: .partitions(inputPartitions(state.store)), clientId: "\(name)-inputs"),
            logger: logger)
        let control = try KafkaConsumer(
            configuration: kafka.consumer(
                subscription: .group(id: configuration.groupId, topics: [Topic.pipelineControl.name]), clientId: name),
            logger: logger)
        let registryConsumer = try KafkaConsumer(
            configuration: LatestValueReader<ModelEvent>.consumerConfiguration(settings: kafka, clientId: "\(name)-registry"),
            logger: logger)
        let deadLetters = DeadLetterPublisher(
            writer: DeadLetterWriter(stage: .training, service: name, policy: configuration.deadLetters),
            publisher: KafkaPublisher(producer: producer), logger: logger)
        let registry = LatestValueReader<ModelEvent>(consumer: registryConsumer, deadLetters: deadLetters, logger: logger)
        let admin = try KafkaAdmin(configuration: kafka.client)
        let artifacts: ArtifactStore
        do {
            artifacts = try ArtifactStore(directory: configuration.artifactsDirectory)
        } catch {
            throw TrainerError(.stateFailed, reason: error.reason, input: configuration.artifactsDirectory.path)
        }
        let loop = TrainerLoop(
            configuration: configuration, state: state, stateFile: stateFile, inputs: inputs, control: control, producer: producer,
            deadLetters: deadLetters, registry: registry, admin: admin, artifacts: artifacts, clock: clock, logger: logger)
        return [producer, inputs, control, registryConsumer, registry, loop]
    }

    /// Every partition of `homes.features` and `feedback`, from where the saved store stands
    /// (the beginning for a fresh store).
    static func inputPartitions(_ store: TrainingStore) -> [KafkaTopicPartitionOffset] {
        [Topic.homesFeatures, Topic.feedback].flatMap { topic in
            (0..<Int32(topic.defaultPartitionCount)).map { partition in
                let position = store.positions[topic.name]?[partition].map { KafkaTopicPartitionOffset.Position.offset($0) }
                return KafkaTopicPartitionOffset(topic: topic.name, partition: partition, position: position ?? .beginning)
            }
        }
    }
}
