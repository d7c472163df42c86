import Foundation
import Kafka
import Logging
import NormalizerCore
import NormalizerEvaluation
import Pipeline
import Scenario
import Schema
import ServiceLifecycle
import ServiceSupport

/// `homeprice bench normalize`: the scenario's raw records through one normalizer instance
/// (raw in, normalized out, warehouse written) on a fresh tansu, beside a do-nothing relay
/// (consume, produce unchanged, store the offset) measured the same way in the same run, plus
/// field accuracy and duplicate F1 of the normalizer's warehouse.
///
/// Both stages are timed from their consumer's partition assignment to the arrival of their
/// last output, so the consumer group's join (seconds on tansu) counts for neither.
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
    /// How long publishing the raw records may take.
    private static let publishTimeout: Duration = .seconds(120)
    /// How long a stage may take from start (group join included) to its last output.
    private static let stageTimeout: Duration = .seconds(300)
    /// How long a stage's services may take to stop once shut down.
    private static let shutdownTimeout: Duration = .seconds(30)

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
            let settings = kafka.connecting(to: broker.bootstrapServers)
            // The admin client lives only as long as it is needed, so it does not outlive the
            // broker and log connection failures after the run.
            let client = settings.client
            try await withDeadline(.seconds(60), waitingFor: "the benchmark's topics") {
                let admin = try KafkaAdmin(configuration: client)
                try await TopicProvisioner.createAll(using: admin)
                try await admin.createTopics([
                    KafkaTopicSpecification(name: Self.relayTopic, partitions: Topic.homesRaw.defaultPartitionCount)
                ])
            }
            try await publish(records, settings: settings)
            let relaySeconds = try await measureRelay(records: records.count, settings: settings)
            let warehouse = try SQLiteWarehouse(path: workspace.appendingPathComponent("warehouse.sqlite").path)
            let (normalizerSeconds, deadLetters) = try await measureNormalizer(
                records: records.count, settings: settings, warehouse: warehouse)
            await broker.stop()
            let evaluation = ScenarioEvaluation.evaluate(
                homes: try warehouse.homes(), truth: truth, records: records.count, deadLettered: deadLetters)
            let relayRate = Double(records.count) / relaySeconds
            let normalizerRate = Double(records.count) / normalizerSeconds
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
        try await withDeadline(Self.publishTimeout, waitingFor: "delivery of \(records.count) raw records") {
            try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-normalize-source"), logger: logger) {
                producer in
                _ = try await producer.send(
                    try records.map {
                        KafkaProducerMessage(topic: Topic.homesRaw.name, key: Array($0.key.utf8), value: Array(try $0.encoded()))
                    })
            }
        }
    }

    /// Runs the do-nothing relay (homes.raw to the relay topic) until every record came out.
    private func measureRelay(records: Int, settings: KafkaSettings) async throws -> Double {
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-relay"), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(
                subscription: .group(id: "bench-relay", topics: [Topic.homesRaw.name]), clientId: "bench-relay"),
            logger: logger)
        let relay = BenchRelay(consumer: consumer, producer: producer, outputTopic: Self.relayTopic)
        let (seconds, _) = try await measureStage(
            "relay", services: [producer, consumer, relay], input: consumer, outputs: [Self.relayTopic], records: records,
            settings: settings)
        return seconds
    }

    /// Runs the normalizer service as the executable does, until one home or dead letter per
    /// record has been published.
    private func measureNormalizer(records: Int, settings: KafkaSettings, warehouse: SQLiteWarehouse) async throws -> (Double, Int) {
        var configuration = try await NormalizerConfiguration.load(layout: layout)
        configuration.groupId = "bench-normalizer"
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        let normalizer = Normalizer(configuration: configuration, catalog: catalog, store: warehouse)
        let services = try NormalizerService.services(
            normalizer: normalizer, kafka: settings,
            batch: BatchSettings(
                reader: try await ConfigurationLoader.reader(layout: layout, files: ["pipeline.yaml"]), stage: .normalization,
                service: "bench-normalizer"),
            logger: logger)
        guard let consumer = services.compactMap({ $0 as? KafkaConsumer }).first else {
            throw BenchmarkFailure(reason: "the normalizer has no consumer")
        }
        let (seconds, counts) = try await measureStage(
            "normalizer", services: services, input: consumer,
            outputs: [Topic.homesNormalized.name, Topic.homesDeadLetter.name], records: records, settings: settings)
        return (seconds, counts[Topic.homesDeadLetter.name, default: 0])
    }

    /// Runs a stage's services in a `ServiceGroup` (the processing service last, so it stops
    /// first on shutdown) until `records` messages came out on `outputs`, then shuts the group
    /// down gracefully. Every wait has a deadline; a service that fails ends the stage with
    /// its error.
    ///
    /// The stage's time runs from the moment the group assigned `input` its partitions (so the
    /// join, seconds on tansu, counts for neither stage) to the arrival of the last output.
    private func measureStage(
        _ stage: String,
        services: [any Service],
        input: KafkaConsumer,
        outputs: [String],
        records: Int,
        settings: KafkaSettings
    ) async throws -> (seconds: Double, counts: [String: Int]) {
        var configuration = ServiceGroupConfiguration(services: services, logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.shutdownTimeout
        configuration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        return try await withThrowingTaskGroup(of: (seconds: Double, counts: [String: Int])?.self) { tasks in
            tasks.addTask {
                try await withDeadline(Self.stageTimeout + Self.shutdownTimeout, waitingFor: "the \(stage) to stop") {
                    try await group.run()
                }
                return nil
            }
            tasks.addTask {
                let figures = try await withDeadline(
                    Self.stageTimeout, waitingFor: "\(records) outputs of the \(stage) on \(outputs.joined(separator: ", "))"
                ) {
                    async let assigned = Self.assignment(of: input)
                    let (last, counts) = try await timeOutputs(topics: outputs, count: records, settings: settings)
                    return (seconds: (last - (await assigned)).seconds, counts: counts)
                }
                await group.triggerGracefulShutdown()
                return figures
            }
            var figures: (seconds: Double, counts: [String: Int])?
            do {
                while let result = try await tasks.next() {
                    if let result { figures = result }
                    // The services stopped on their own before every output arrived.
                    if result == nil, figures == nil {
                        throw BenchmarkFailure(reason: "the \(stage)'s services stopped before all \(records) outputs arrived")
                    }
                }
            } catch {
                tasks.cancelAll()
                throw error
            }
            guard let figures else { throw BenchmarkFailure(reason: "the \(stage) produced no figures") }
            return figures
        }
    }

    /// The moment `consumer` was first assigned partitions (checked every millisecond; the
    /// caller bounds the wait).
    private static func assignment(of consumer: KafkaConsumer) async -> ContinuousClock.Instant {
        while consumer.assignment.isEmpty, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(1))
        }
        return ContinuousClock.now
    }

    /// Reads `topics` from the beginning until `count` messages arrived; returns when the last
    /// arrived and the count per topic.
    private func timeOutputs(topics: [String], count: Int, settings: KafkaSettings) async throws -> (
        last: ContinuousClock.Instant, counts: [String: Int]
    ) {
        let partitions = topics.flatMap { topic in
            (0..<Int32(Topic(rawValue: topic)?.defaultPartitionCount ?? Topic.homesRaw.defaultPartitionCount)).map {
                KafkaTopicPartitionOffset(topic: topic, partition: $0, position: .beginning)
            }
        }
        let reader = try KafkaConsumer(
            configuration: settings.consumer(subscription: .partitions(partitions), clientId: "bench-output-reader"), logger: logger)
        var counts: [String: Int] = [:]
        var received = 0
        do {
            for try await message in reader.messages {
                counts[message.topic, default: 0] += 1
                received += 1
                if received == count { break }
            }
        } catch {
            await reader.close()
            throw error
        }
        let last = ContinuousClock.now
        await reader.close()
        guard received == count else {
            throw BenchmarkFailure(reason: "the output reader of \(topics) stopped after \(received) of \(count) messages")
        }
        return (last, counts)
    }
}
