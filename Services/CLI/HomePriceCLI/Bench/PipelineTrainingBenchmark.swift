import Configuration
import Foundation
import Kafka
import Logging
import NormalizerEvaluation
import Pipeline
import PreprocessorCore
import Schema
import ServiceSupport
import TrainerCore

/// `homeprice bench pipeline-training`: the scenario's canonical homes through one preprocessor
/// instance (`homes.normalized` in, `homes.features` out) on a fresh tansu beside a do-nothing
/// relay of the same messages, and per region the quality of a model trained on the pipeline's
/// feature rows beside the same engine and settings trained on the scenario's clean data
/// (``PipelineTrainingQuality``).
struct PipelineTrainingBenchmark {
    struct Options {
        var seed: UInt64
        var homes: Int
        var seedData: URL
        /// The largest pipeline MAPE / clean sources' MAPE that meets the goal.
        var goal: Double
        /// One in this many true homes is held out.
        var holdOutEvery: UInt8
    }

    struct Report: Codable {
        var seed: UInt64
        var homes: Int
        var records: Int
        var homeMessages: Int
        var relayRowsPerSecond: Double
        var preprocessorRowsPerSecond: Double
        var preprocessorOverRelay: Double
        var relaySeconds: Double
        var preprocessorSeconds: Double
        var regions: [PipelineTrainingQuality.RegionQuality]
        var goal: Double
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    private static let relayTopic = "bench.relay"

    func run(_ options: Options) async throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("bench-pipeline-training-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let (scenario, records) = try BenchScenario.generate(
            seed: options.seed, homes: options.homes, seedData: options.seedData, in: workspace)
        let truth = try GroundTruth.load(folder: scenario)
        let homes = try await BenchNormalization(layout: layout).run(records, workspace: workspace).homes
        let reader = try await ConfigurationLoader.reader(layout: layout, files: ["trainer.yaml", "preprocessor.yaml", "pipeline.yaml"])
        let trainer = try TrainerConfiguration(reader: reader, layout: layout)

        // The broker is stopped before the models are trained: it holds every message in memory.
        let (relaySeconds, preprocessorSeconds, rows) = try await BenchBroker.run(
            layout: layout, kafka: kafka, relayTopics: [Self.relayTopic]
        ) { settings in
            try await BenchStage(settings: settings, logger: logger).publish(try homes.map { try KafkaProducerMessage($0) })
            let stage = BenchStage(settings: settings, logger: logger)
            let relaySeconds = try await stage.measureRelay(from: Topic.homesNormalized.name, to: Self.relayTopic, count: homes.count)
                .seconds
            let preprocessorSeconds = try await measurePreprocessor(
                messages: homes.count, stage: stage, settings: settings, reader: reader)
            let rows = try await LatestValueReader<FeatureRow>.snapshot(
                settings: settings, clientId: "bench-feature-reader", timeout: .seconds(120), logger: logger)
            return (relaySeconds, preprocessorSeconds, rows)
        }

        let regions = try PipelineTrainingQuality(
            truth: truth, trainer: trainer, observedAt: BenchScenario.fetchedAt, goal: options.goal, holdOutEvery: options.holdOutEvery
        ).regions(rows: rows, homes: homes, workspace: workspace)
        let relayRate = Double(homes.count) / relaySeconds
        let preprocessorRate = Double(homes.count) / preprocessorSeconds
        return Report(
            seed: options.seed, homes: options.homes, records: records.count, homeMessages: homes.count,
            relayRowsPerSecond: relayRate, preprocessorRowsPerSecond: preprocessorRate,
            preprocessorOverRelay: preprocessorRate / relayRate, relaySeconds: relaySeconds,
            preprocessorSeconds: preprocessorSeconds, regions: regions, goal: options.goal)
    }

    // MARK: Stream

    /// Runs the preprocessor service as the executable does, until one feature row or dead
    /// letter per home message has been published.
    private func measurePreprocessor(
        messages: Int, stage: BenchStage, settings: KafkaSettings, reader: ConfigReader
    ) async throws -> Double {
        var configuration = try PreprocessorConfiguration(reader: reader)
        configuration.groupId = "bench-preprocessor"
        let services = try PreprocessorService.services(
            preprocessor: Preprocessor(configuration: configuration), kafka: settings,
            batch: BatchSettings(reader: reader, stage: .preprocessing, service: "bench-preprocessor"), logger: logger)
        guard let consumer = services.compactMap({ $0 as? KafkaConsumer }).first else {
            throw BenchmarkFailure(reason: "the preprocessor has no consumer")
        }
        return try await stage.measure(
            "preprocessor", services: services, inputs: [consumer], outputs: [Topic.homesFeatures.name, Topic.homesDeadLetter.name],
            count: messages
        ).seconds
    }
}
