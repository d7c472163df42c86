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
/// (consume, produce unchanged, store the offset) measured the same way in the same run and
/// kcat relaying the same records, plus field accuracy and duplicate F1 of the normalizer's
/// warehouse.
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
    }

    struct Report: Codable {
        var seed: UInt64
        var homes: Int
        var records: Int
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
        var evaluation: EvaluationReport
        var overallAccuracy: Double
        var duplicatePrecision: Double
        var duplicateRecall: Double
        var duplicateF1: Double
        /// The normalizer's wall time per record, the inverse of its rate.
        var normalizerMicrosecondsPerRecord: Double
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
            let relaySeconds = relay.seconds
            var configuration = try await NormalizerConfiguration.load(layout: layout)
            configuration.groupId = "bench-normalizer"
            let warehouse = try SQLiteWarehouse(
                path: workspace.appendingPathComponent("warehouse.sqlite").path, configuration: configuration)
            let (normalizerSeconds, deadLetters) = try await measureNormalizer(
                records: records.count, configuration: configuration, settings: settings, warehouse: warehouse)
            let evaluation = ScenarioEvaluation.evaluate(
                homes: try warehouse.homes(), truth: truth, records: records.count, deadLettered: deadLetters)
            let relayRate = Double(records.count) / relaySeconds
            let normalizerRate = Double(records.count) / normalizerSeconds
            return Report(
                seed: options.seed, homes: options.homes, records: records.count, relayRecordsPerSecond: relayRate,
                relayStreamRecordsPerSecond: Double(records.count) / relay.streamSeconds,
                kcatRelayRecordsPerSecond: Double(records.count) / kcatRelay.streamSeconds,
                relayOverKcatRelay: kcatRelay.streamSeconds / relay.streamSeconds,
                normalizerRecordsPerSecond: normalizerRate, normalizerOverRelay: normalizerRate / relayRate,
                relaySeconds: relaySeconds, kcatRelaySeconds: kcatRelay.streamSeconds, normalizerSeconds: normalizerSeconds,
                evaluation: evaluation,
                overallAccuracy: evaluation.overallAccuracy, duplicatePrecision: evaluation.clusters.precision,
                duplicateRecall: evaluation.clusters.recall, duplicateF1: evaluation.clusters.f1,
                normalizerMicrosecondsPerRecord: normalizerSeconds * 1e6 / Double(records.count))
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

    /// Runs the normalizer service as the executable does, until one home or dead letter per
    /// record has been published.
    private func measureNormalizer(
        records: Int, configuration: NormalizerConfiguration, settings: KafkaSettings, warehouse: SQLiteWarehouse
    ) async throws -> (Double, Int) {
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
        let timing = try await BenchStage(settings: settings, logger: logger).measure(
            "normalizer", services: services, input: consumer, outputs: [Topic.homesNormalized.name, Topic.homesDeadLetter.name],
            count: records, answersAnInput: Self.answersARecord)
        return (timing.seconds, timing.counts[Topic.homesDeadLetter.name, default: 0])
    }
}
