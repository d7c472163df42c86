import Foundation
import Kafka
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport
import TestSupport

/// A batch processor on a broker (librdkafka's in-process mock cluster for speed, or tansu
/// where the mock falls short) with every topic it may write to, and helpers to feed it and
/// read what it wrote.
struct PipelineHarness {
    static let input = "pipeline.input"
    static let policy = DeadLetterPolicy(maxPayloadBytes: 1_024, maxReasonCharacters: 200, maxReasons: 5)

    let bootstrapServers: String
    /// Keeps the mock cluster alive as long as the harness.
    private let cluster: KafkaMockCluster?

    /// A harness on a fresh mock cluster (it refuses messages of more than a few hundred bytes).
    static func mock() throws -> PipelineHarness {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic(Self.input, partitions: 2)
        for topic in Topic.allCases { try cluster.createTopic(topic.name, partitions: 1) }
        return PipelineHarness(bootstrapServers: cluster.bootstrapServers, cluster: cluster)
    }

    /// A harness on a real broker.
    static func on(_ broker: TansuBroker) async throws -> PipelineHarness {
        try await KafkaTestClients.createTopic(Self.input, partitions: 2, on: broker.bootstrapServers)
        for topic in Topic.allCases { try await KafkaTestClients.createTopic(topic.name, partitions: 1, on: broker.bootstrapServers) }
        return PipelineHarness(bootstrapServers: broker.bootstrapServers, cluster: nil)
    }

    /// Publishes `values` (keyed `k<index>`) to the input topic.
    func publish(_ values: [[UInt8]]) async throws {
        let messages = values.enumerated().map {
            KafkaProducerMessage(topic: Self.input, key: Array("k\($0.offset)".utf8), value: $0.element)
        }
        _ = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(bootstrapServers), logger: KafkaTestClients.logger
        ) { producer in try await producer.send(messages) }
    }

    /// Runs a processor with `handler` (its producer refusing messages above
    /// `maxMessageBytes`, lingering `lingerMilliseconds`) until the group has committed every
    /// one of `inputs` input messages (offsets are stored only after a batch's outputs are
    /// delivered), then shuts it down gracefully.
    func run(handler: any BatchHandler, inputs: Int, maxMessageBytes: Int = 1_000_000, lingerMilliseconds: Int = 5) async throws {
        var producerConfiguration = KafkaTestClients.producer(
            bootstrapServers, messageTimeoutMilliseconds: max(30_000, 2 * lingerMilliseconds))
        producerConfiguration.client.properties["message.max.bytes"] = "\(maxMessageBytes)"
        producerConfiguration.lingerMilliseconds = lingerMilliseconds
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: KafkaTestClients.logger)
        let consumer = try KafkaConsumer(
            configuration: KafkaTestClients.groupConsumer(bootstrapServers, group: "pipeline-test", topics: [Self.input]),
            logger: KafkaTestClients.logger)
        let processor = BatchProcessor(
            consumer: consumer, producer: producer, handler: handler,
            settings: BatchSettings(stage: .preprocessing, service: "test-stage", batchSize: 50, deadLetters: Self.policy),
            logger: KafkaTestClients.logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [producer, consumer, processor], logger: KafkaTestClients.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let partitions = [0, 1].map { KafkaTopicPartition(topic: Self.input, partition: Int32($0)) }
            try await withDeadline(.seconds(180), waitingFor: "\(inputs) input offsets committed") {
                while try await consumer.committedOffsets(for: partitions, timeout: .seconds(120)).values.reduce(0, +) < Int64(inputs) {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Every message on the single-partition schema topic `topic`.
    func contents(of topic: Topic) async throws -> [KafkaConsumerMessage] {
        try await TopicContents.read(topic: topic.name, partitions: 1, bootstrapServers: bootstrapServers)
    }
}
