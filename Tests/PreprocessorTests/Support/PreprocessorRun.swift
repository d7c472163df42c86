import Configuration
import Foundation
import Kafka
import MetricsTestKit
import Pipeline
import PreprocessorCore
import Schema
import ServiceSupport
import TestSupport

/// The preprocessor's real wiring running against a fresh tansu broker that holds every
/// pipeline topic, with helpers to feed it and to read what it wrote.
struct PreprocessorRun {
    let bootstrapServers: String
    /// The configuration it runs with: the project's files, in a group of its own.
    let configuration: PreprocessorConfiguration
    /// Its row and issue counters.
    let metrics = TestMetrics()

    /// Starts a broker and the preprocessor's services as
    /// ``PreprocessorService/services(preprocessor:kafka:batch:logger:metrics:)`` builds them,
    /// runs `body`, then shuts the services down gracefully and stops the broker.
    static func with<Value: Sendable>(_ body: (PreprocessorRun) async throws -> Value) async throws -> Value {
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await withDeadline(.seconds(180), waitingFor: "the pipeline's topics") {
                try await TopicProvisioner.createAll(using: admin)
            }
            let reader = try await Preprocessors.reader(environment: ["PREPROCESSOR_GROUP_ID": TestProject.uniqueTopic("preprocessor")])
            let run = PreprocessorRun(
                bootstrapServers: broker.bootstrapServers, configuration: try PreprocessorConfiguration(reader: reader))
            let services = try PreprocessorService.services(
                preprocessor: Preprocessor(configuration: run.configuration),
                kafka: try KafkaSettings(reader: reader).connecting(to: broker.bootstrapServers),
                batch: BatchSettings(reader: reader, stage: .preprocessing, service: run.configuration.serviceName),
                logger: KafkaTestClients.logger, metrics: run.metrics)
            return try await withRunningServices(services) { try await body(run) }
        }
    }

    /// Publishes `messages` and waits until the broker acknowledged them.
    func publish(_ messages: [KafkaProducerMessage]) async throws {
        try await withDeadline(.seconds(180), waitingFor: "delivery of \(messages.count) messages") { [bootstrapServers] in
            _ = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(bootstrapServers), logger: KafkaTestClients.logger
            ) { producer in try await producer.send(messages) }
        }
    }

    /// Publishes `homes` on `homes.normalized` as the normalizer does, keyed by home id.
    func publish(_ homes: [Home]) async throws {
        try await publish(try homes.map { try KafkaProducerMessage($0) })
    }

    /// The first `count` messages of `homes.features` and `homes.deadletter` together, waited
    /// for, as feature rows and dead letters.
    func outputs(_ count: Int) async throws -> (rows: [FeatureRow], deadLetters: [DeadLetter]) {
        try Self.split(
            try await TopicContents.first(
                count, of: [Topic.homesFeatures, Topic.homesDeadLetter].map { ($0.name, $0.defaultPartitionCount) },
                bootstrapServers: bootstrapServers))
    }

    /// Everything on `homes.features` and `homes.deadletter`, read until each of `keys` (a home
    /// id, or a dead letter's original key) has a row or a dead letter. A message processed
    /// again (at least once: a batch replayed after a slow rebalance) may have two.
    func outputs(for keys: Set<String>) async throws -> (rows: [FeatureRow], deadLetters: [DeadLetter]) {
        let keyed = try await TopicContents.read(
            of: [Topic.homesFeatures, Topic.homesDeadLetter].map { ($0.name, $0.defaultPartitionCount) },
            bootstrapServers: bootstrapServers, until: "an output for each of \(keys.count) homes",
            as: { (message: $0, key: Self.key(of: $0)) }
        ) { outputs in keys.isSubset(of: Set(outputs.compactMap(\.key))) }
        return try Self.split(keyed.map(\.message))
    }

    /// The home id of a row, or the original key of a dead letter.
    private static func key(of message: KafkaConsumerMessage) -> String? {
        if message.topic == Topic.homesFeatures.name { return message.keyString }
        return (try? DeadLetter.decode(from: Data(message.value)))?.originalKey
    }

    private static func split(_ messages: [KafkaConsumerMessage]) throws -> (rows: [FeatureRow], deadLetters: [DeadLetter]) {
        let rows = try messages.filter { $0.topic == Topic.homesFeatures.name }.map { try FeatureRow.decode(from: Data($0.value)) }
        let letters = try messages.filter { $0.topic == Topic.homesDeadLetter.name }.map { try DeadLetter.decode(from: Data($0.value)) }
        return (rows, letters)
    }

    /// `homes.features` as the trainer reads it: the latest row per home id, everything on the
    /// topic now included.
    func latestRows() async throws -> [String: FeatureRow] {
        let settings = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(to: bootstrapServers)
        let consumer = try KafkaConsumer(
            configuration: LatestValueReader<FeatureRow>.consumerConfiguration(settings: settings, clientId: "test-latest-rows"),
            logger: KafkaTestClients.logger)
        let reader = LatestValueReader<FeatureRow>(consumer: consumer, logger: KafkaTestClients.logger)
        let admin = try KafkaAdmin(configuration: settings.client)
        return try await withRunningServices([consumer, reader]) {
            try await withDeadline(.seconds(180), waitingFor: "homes.features read to its end") {
                try await reader.waitUntilCaughtUp(admin: admin)
            }
            return reader.values
        }
    }
}
