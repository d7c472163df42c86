import Features
import Foundation
import ModelRegistry
import Schema
import ServiceSupport
import TestSupport
import TrainerCore

/// The trainer's real configuration (`configs/trainer.yaml`, `configs/pipeline.yaml`) with its
/// state and artifacts in a temporary folder, and feature rows of real sales.
struct TrainerFixture {
    let folder: URL
    var configuration: TrainerConfiguration

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainer-\(UUID().uuidString)")
        let reader = try await ConfigurationLoader.reader(layout: TestProject.layout, files: ["trainer.yaml", "pipeline.yaml"])
        configuration = try TrainerConfiguration(reader: reader, layout: TestProject.layout)
        configuration.stateDirectory = folder.appendingPathComponent("state")
        configuration.artifactsDirectory = folder.appendingPathComponent("artifacts")
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The feature rows of `homes`, as the preprocessor computes them.
    func rows(_ homes: [Home]) -> [FeatureRow] {
        let builder = FeatureRowBuilder(settings: configuration.features)
        return homes.map { builder.build(from: $0, computedAt: $0.normalizedAt).row }
    }

    /// The store holding `rows`.
    func store(_ rows: [FeatureRow]) -> TrainingStore {
        var store = TrainingStore()
        for row in rows { store.apply(row, at: Date(timeIntervalSince1970: 0)) }
        return store
    }

    /// A planned job on `rows` of one region.
    func job(_ rows: [FeatureRow], region: String, version: String = "1") throws -> TrainingJob {
        let currency = configuration.features.region(region)?.currency ?? "USD"
        let store = store(rows)
        return try TrainingJob.plan(
            modelName: configuration.modelName(of: region), version: version, region: region, currency: currency,
            trigger: TrainingTrigger(kind: .command, detail: "test"),
            rows: store.labelledRows(region: region, currency: currency, featureSchemaVersion: FeatureSchema.version),
            minimumRows: configuration.minimumRows, validationFraction: configuration.validationFraction, sequence: store.sequence,
            at: Date(timeIntervalSince1970: 0))
    }
}
