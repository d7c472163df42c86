import Foundation
import Kafka
import Logging
import NormalizerCore
import NormalizerEvaluation
import Pipeline
import PostgresWarehouse
import Scenario
import Schema
import ServiceLifecycle
import ServiceSupport

/// `homeprice bench normalize`: the scenario's raw records through one normalizer instance,
/// or several in one consumer group sharing one warehouse (raw in, normalized out, warehouse
/// written; a fresh SQLite file, or a database on a private PostgreSQL server started for the
/// run), on a fresh tansu, beside a do-nothing relay (consume, produce unchanged, store the
/// offset) measured the same way in the same run and kcat relaying the same records, plus
/// field accuracy and duplicate F1 of the normalizer's warehouse.
///
/// The normalizer and the relay are timed from their consumer's partition assignment to the
/// arrival of their last output, so the consumer group's join (seconds on tansu) counts for
/// neither; the relay and kcat's relay are compared by their streams, from the creation of the
/// first output to that of the last (each one's start, first fetch and last delivery left
/// out).
struct NormalizeBenchmark {
    struct Options {
        var seed: UInt64
        var homes: Int
        var seedData: URL
        /// Where the normalizers keep the warehouse.
        var warehouse: WarehouseKind = .sqlite
        /// How many normalizer instances share the work and the warehouse.
        var instances = 1
    }

    struct Report: Codable {
        var seed: UInt64
        var homes: Int
        var records: Int
        /// The warehouse's kind (`sqlite`, `postgres`).
        var warehouse: String
        /// The normalizer instances in the group.
        var instances: Int
        /// How many of `homes.raw`'s partitions each instance held when the last output arrived.
        var partitionsPerInstance: [Int]
        /// The relay from its assignment to its last output, as the normalizer is timed.
        var relayRecordsPerSecond: Double
        /// The relay from the creation of its first output to that of its last, as kcat's relay
        /// is timed (``BenchStage/StageTiming/streamSeconds``).
        var relayStreamRecordsPerSecond: Double
        /// kcat consuming the records piped into kcat producing them
        /// (``BenchStage/measureKcatRelay(from:to:count:)``), from the creation of its first
        /// output to that of its last.
        var kcatRelayRecordsPerSecond: Double
        /// The relay's stream rate over kcat's; the goal is at least 0.5.
        var relayOverKcatRelay: Double
        var normalizerRecordsPerSecond: Double
        var normalizerOverRelay: Double
        var relaySeconds: Double
        var kcatRelaySeconds: Double
        var normalizerSeconds: Double
        /// Homes and dead letters beyond one per record delivered before the group committed
        /// every record (where the normalizer's time ends): records processed twice, a batch in
        /// flight when its partition moved to another instance.
        var outputsOfRecordsProcessedTwice: Int
        var evaluation: EvaluationReport
        var overallAccuracy: Double
        var duplicatePrecision: Double
        var duplicateRecall: Double
        var duplicateF1: Double
        /// The normalizer's wall time per record, the inverse of its rate.
        var normalizerMicrosecondsPerRecord: Double

        /// The figures of one run and every rate and ratio derived from them.
        init(
            seed: UInt64, homes: Int, records: Int, warehouse: String, instances: Int, partitionsPerInstance: [Int],
            relay: BenchStage.StageTiming, kcatRelay: BenchStage.StageTiming, normalizer: BenchStage.StageTiming,
            evaluation: EvaluationReport
        ) {
            let normalizerSeconds = normalizer.seconds
            let count = Double(records)
            self.seed = seed
            self.homes = homes
            self.records = records
            self.warehouse = warehouse
            self.instances = instances
            self.partitionsPerInstance = partitionsPerInstance
            relayRecordsPerSecond = count / relay.seconds
            relayStreamRecordsPerSecond = count / relay.streamSeconds
            kcatRelayRecordsPerSecond = count / kcatRelay.streamSeconds
            relayOverKcatRelay = kcatRelay.streamSeconds / relay.streamSeconds
            normalizerRecordsPerSecond = count / normalizerSeconds
            normalizerOverRelay = relay.seconds / normalizerSeconds
            relaySeconds = relay.seconds
            kcatRelaySeconds = kcatRelay.streamSeconds
            self.normalizerSeconds = normalizerSeconds
            outputsOfRecordsProcessedTwice = normalizer.counts.values.reduce(0, +) - records
            self.evaluation = evaluation
            overallAccuracy = evaluation.overallAccuracy
            duplicatePrecision = evaluation.clusters.precision
            duplicateRecall = evaluation.clusters.recall
            duplicateF1 = evaluation.clusters.f1
            normalizerMicrosecondsPerRecord = normalizerSeconds * 1e6 / count
        }
    }

    /// The runs of one invocation, smallest scenario first, and how the per-record cost grows
    /// with the warehouse.
    struct Sizes: Codable {
        var runs: [Report]
        /// The normalizer's per-record cost on the largest scenario over that on the smallest;
        /// `nil` with one size.
        var costRatioLargestOverSmallest: Double?

        init(runs: [Report]) {
            self.runs = runs.sorted { $0.homes < $1.homes }
            guard self.runs.count > 1, let smallest = self.runs.first, let largest = self.runs.last else { return }
            costRatioLargestOverSmallest = largest.normalizerMicrosecondsPerRecord / smallest.normalizerMicrosecondsPerRecord
        }
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    private static let relayTopic = "bench.relay"
    private static let kcatRelayTopic = "bench.kcat-relay"

    func run(_ options: Options) async throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("bench-normalize-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let (scenario, records) = try BenchScenario.generate(
            seed: options.seed, homes: options.homes, seedData: options.seedData, in: workspace)
        let truth = try GroundTruth.load(folder: scenario)

        return try await BenchBroker.run(layout: layout, kafka: kafka, relayTopics: [Self.relayTopic, Self.kcatRelayTopic]) { settings in
            let stage = BenchStage(settings: settings, logger: logger)
            try await stage.publish(try records.map { try KafkaProducerMessage($0) })
            let relay = try await stage.measureRelay(from: Topic.homesRaw.name, to: Self.relayTopic, count: records.count)
            let kcatRelay = try await stage.measureKcatRelay(from: Topic.homesRaw.name, to: Self.kcatRelayTopic, count: records.count)
            var configuration = try await NormalizerConfiguration.load(layout: layout)
            configuration.groupId = "bench-normalizer"
            configuration.warehouseKind = options.warehouse
            configuration.warehousePath = workspace.appendingPathComponent("warehouse.sqlite").path
            return try await BenchWarehouseServer.run(options.warehouse) { postgresURL in
                configuration.warehousePostgresURL = postgresURL
                let stores = try (0..<max(1, options.instances)).map { _ in
                    try NormalizerWarehouses.open(configuration, layout: layout, logger: logger)
                }
                let (timing, deadLetters) = try await measureNormalizers(
                    records: records.count, configuration: configuration, settings: settings, stores: stores)
                let evaluation = ScenarioEvaluation.evaluate(
                    homes: try stores[0].homes(), truth: truth, records: records.count, deadLettered: deadLetters)
                return Report(
                    seed: options.seed, homes: options.homes, records: records.count, warehouse: options.warehouse.rawValue,
                    instances: stores.count,
                    partitionsPerInstance: timing.assignments.map { $0.count { $0.topic == Topic.homesRaw.name } }, relay: relay,
                    kcatRelay: kcatRelay,
                    normalizer: timing, evaluation: evaluation)
            }
        }
    }

    /// The JSON key of ``Schema/Home/retiredInto``, present only in a retired home's announcement.
    private static let retiredIntoKey = Array("\"retiredInto\":".utf8)

    /// Whether an output answers one raw record: a home or a dead letter, but not the
    /// announcement of a home merged away, which comes beside its record's home. Looked for in
    /// the bytes with a plain scan: decoding every home, or Foundation's generic
    /// `firstRange(of:)` (about 0.3 ms a home), would take the CPU of the normalizer it is
    /// measuring.
    @Sendable private static func answersARecord(_ message: KafkaConsumerMessage) -> Bool {
        guard message.topic == Topic.homesNormalized.name else { return true }
        return message.value.withUnsafeBytes { home in
            retiredIntoKey.withUnsafeBytes { key in
                guard let homeStart = home.baseAddress, let keyStart = key.baseAddress, home.count >= key.count else { return true }
                return !(0...(home.count - key.count)).contains { offset in
                    home[offset] == key[0] && memcmp(homeStart + offset, keyStart, key.count) == 0
                }
            }
        }
    }

    /// Runs one normalizer service per store, as the executable does, all in one consumer
    /// group, until one home or dead letter per record has been published.
    private func measureNormalizers(
        records: Int, configuration: NormalizerConfiguration, settings: KafkaSettings, stores: [any NormalizerStore]
    ) async throws -> (BenchStage.StageTiming, deadLetters: Int) {
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        let reader = try await ConfigurationLoader.reader(layout: layout, files: ["pipeline.yaml"])
        var services: [any Service] = []
        var consumers: [KafkaConsumer] = []
        for (index, store) in stores.enumerated() {
            var instance = configuration
            instance.serviceName = "bench-normalizer-\(index)"
            let normalizer = Normalizer(configuration: instance, catalog: catalog, store: store)
            let instanceServices = try NormalizerService.services(
                normalizer: normalizer, kafka: settings,
                batch: BatchSettings(reader: reader, stage: .normalization, service: instance.serviceName), logger: logger)
            guard let consumer = instanceServices.compactMap({ $0 as? KafkaConsumer }).first else {
                throw BenchmarkFailure(reason: "the normalizer has no consumer")
            }
            services += instanceServices
            consumers.append(consumer)
        }
        let timing = try await BenchStage(settings: settings, logger: logger).measure(
            "normalizer", services: services, inputs: consumers, outputs: [Topic.homesNormalized.name, Topic.homesDeadLetter.name],
            count: records, answersAnInput: Self.answersARecord, committedBy: (configuration.groupId, Topic.homesRaw.name))
        return (timing, timing.counts[Topic.homesDeadLetter.name, default: 0])
    }
}
