import Foundation
import Kafka
import Logging
import NormalizerCore
import NormalizerEvaluation
import Scenario
import Schema
import ServiceLifecycle
import ServiceSupport

/// `homeprice bench normalize`: the scenario's raw records through one normalizer instance
/// (raw in, normalized out, warehouse written) on a fresh tansu, beside a do-nothing relay
/// (consume, produce unchanged, store the offset) measured the same way in the same run, plus
/// field accuracy and duplicate F1 of the normalizer's warehouse.
///
/// Both stages are timed on their output topic, from the first output to the last, so the
/// consumer group's join (seconds on tansu) counts for neither.
struct NormalizeBenchmark {
    struct Options {
        var seed: UInt64
        var homes: Int
        var seedData: URL
    }

    struct Report: Codable {
        var seed: UInt64
        var homes: Int
        var records: Int
        var relayRecordsPerSecond: Double
        var normalizerRecordsPerSecond: Double
        var normalizerOverRelay: Double
        var relaySeconds: Double
        var normalizerSeconds: Double
        var evaluation: EvaluationReport
        var overallAccuracy: Double
        var duplicatePrecision: Double
        var duplicateRecall: Double
        var duplicateF1: Double
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    private static let relayTopic = "bench.relay"
    private static let fetchedAt = Date(timeIntervalSince1970: 1_750_000_000)

    func run(_ options: Options) async throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("bench-normalize-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let scenario = workspace.appendingPathComponent("scenario")
        _ = try ScenarioGenerator(
            parameters: .init(seed: options.seed, homes: options.homes, output: scenario, seedData: options.seedData)
        ).generate()
        let records = try ScenarioRecords.load(folder: scenario, fetchedAt: Self.fetchedAt)
        let truth = try GroundTruth.load(folder: scenario)

        let broker = try await TansuBroker.start(layout: layout)
        do {
            var settings = kafka
            settings.client.bootstrapServers = broker.bootstrapServers
            settings.producer.client.bootstrapServers = broker.bootstrapServers
            settings.consumerTemplate.client.bootstrapServers = broker.bootstrapServers
            let admin = try KafkaAdmin(configuration: settings.client)
            try await TopicProvisioner.createAll(using: admin)
            try await admin.createTopics([
                KafkaTopicSpecification(name: Self.relayTopic, partitions: Topic.homesRaw.defaultPartitionCount)
            ])
            try await publish(records, settings: settings)
            let relaySeconds = try await measureRelay(records: records.count, settings: settings)
            let warehouse = try SQLiteWarehouse(path: workspace.appendingPathComponent("warehouse.sqlite").path)
            let (normalizerSeconds, deadLetters) = try await measureNormalizer(
                records: records.count, settings: settings, warehouse: warehouse)
            await broker.stop()
            let evaluation = ScenarioEvaluation.evaluate(
                homes: try warehouse.homes(), truth: truth, records: records.count, deadLettered: deadLetters)
            let relayRate = Double(records.count - 1) / relaySeconds
            let normalizerRate = Double(records.count - 1) / normalizerSeconds
            return Report(
                seed: options.seed, homes: options.homes, records: records.count, relayRecordsPerSecond: relayRate,
                normalizerRecordsPerSecond: normalizerRate, normalizerOverRelay: normalizerRate / relayRate,
                relaySeconds: relaySeconds, normalizerSeconds: normalizerSeconds, evaluation: evaluation,
                overallAccuracy: evaluation.overallAccuracy, duplicatePrecision: evaluation.clusters.precision,
                duplicateRecall: evaluation.clusters.recall, duplicateF1: evaluation.clusters.f1)
        } catch {
            await broker.stop()
            throw error
        }
    }

    private func publish(_ records: [RawRecord], settings: KafkaSettings) async throws {
        try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-normalize-source"), logger: logger) {
            producer in
            _ = try await producer.send(
                try records.map {
                    KafkaProducerMessage(topic: Topic.homesRaw.name, key: Array($0.key.utf8), value: Array(try $0.encoded()))
                })
        }
    }

    /// Consumes homes.raw in a group and produces every message unchanged to the relay topic,
    /// awaiting delivery and storing the offset per message, as the normalizer does.
    private func measureRelay(records: Int, settings: KafkaSettings) async throws -> Double {
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(
                subscription: .group(id: "bench-relay", topics: [Topic.homesRaw.name]), clientId: "bench-relay"),
            logger: logger)
        return try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-relay"), logger: logger) { producer in
            try await withThrowingTaskGroup(of: Double?.self) { group in
                group.addTask {
                    try await consumer.run(); return nil
                }
                group.addTask { try await timeOutputs(topics: [Self.relayTopic], count: records, settings: settings).seconds }
                group.addTask {
                    var relayed = 0
                    for try await message in consumer.messages {
                        _ = try await producer.send(KafkaProducerMessage(topic: Self.relayTopic, key: message.key, value: message.value))
                        try consumer.storeOffset(message)
                        relayed += 1
                        if relayed == records { break }
                    }
                    return nil
                }
                var seconds: Double?
                while let result = try await group.next() {
                    if let result {
                        seconds = result
                        await consumer.close()
                    }
                }
                return seconds ?? 0
            }
        }
    }

    /// Runs the normalizer service as the executable does, until one home or dead letter per
    /// record has been published.
    private func measureNormalizer(records: Int, settings: KafkaSettings, warehouse: SQLiteWarehouse) async throws -> (Double, Int) {
        var configuration = try await NormalizerConfiguration.load(layout: layout)
        configuration.groupId = "bench-normalizer"
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        let normalizer = Normalizer(configuration: configuration, catalog: catalog, store: warehouse)
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-normalizer"), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(
                subscription: .group(id: configuration.groupId, topics: NormalizerService.consumedTopics), clientId: "bench-normalizer"),
            logger: logger)
        let catalogReader = try KafkaConsumer(
            configuration: settings.consumer(
                subscription: .partitions([KafkaTopicPartitionOffset(topic: Topic.sourcesCatalog.name, partition: 0, position: .beginning)]
                ),
                clientId: "bench-normalizer-catalog"),
            logger: logger)
        let service = NormalizerService(
            normalizer: normalizer, consumer: consumer, catalogReader: catalogReader, producer: producer, logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [producer, consumer, catalogReader, service], logger: logger))
        return try await withThrowingTaskGroup(of: (Double, Int)?.self) { tasks in
            tasks.addTask {
                try await group.run(); return nil
            }
            tasks.addTask {
                let (seconds, counts) = try await timeOutputs(
                    topics: [Topic.homesNormalized.name, Topic.homesDeadLetter.name], count: records, settings: settings)
                await group.triggerGracefulShutdown()
                return (seconds, counts[Topic.homesDeadLetter.name, default: 0])
            }
            var figures: (Double, Int)?
            while let result = try await tasks.next() {
                if let result { figures = result }
            }
            return figures ?? (0, 0)
        }
    }

    /// Reads `topics` from the beginning until `count` messages arrived; returns the time from
    /// the first to the last and the count per topic.
    private func timeOutputs(topics: [String], count: Int, settings: KafkaSettings) async throws -> (seconds: Double, counts: [String: Int])
    {
        let partitions = topics.flatMap { topic in
            (0..<Int32(Topic(rawValue: topic)?.defaultPartitionCount ?? Topic.homesRaw.defaultPartitionCount)).map {
                KafkaTopicPartitionOffset(topic: topic, partition: $0, position: .beginning)
            }
        }
        let reader = try KafkaConsumer(
            configuration: settings.consumer(subscription: .partitions(partitions), clientId: "bench-output-reader"), logger: logger)
        let clock = ContinuousClock()
        var first: ContinuousClock.Instant?
        var counts: [String: Int] = [:]
        var received = 0
        for try await message in reader.messages {
            first = first ?? clock.now
            counts[message.topic, default: 0] += 1
            received += 1
            if received == count { break }
        }
        let seconds = first.map { (clock.now - $0).seconds } ?? 0
        await reader.close()
        return (seconds, counts)
    }
}
