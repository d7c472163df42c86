import Features
import Foundation
import ModelRegistry
import Schema
import TrainerCore

/// Trains a model of one region from labelled feature rows exactly as the trainer does
/// (`configs/trainer.yaml`, `configs/model/trainer.json`): one planned job, run to its end.
enum BenchModelTraining {
    /// The trainer's candidate for `rows` of `region`, trained in `folder`.
    static func train(
        rows: [FeatureRow], region: String, currency: String, trainer: TrainerConfiguration, folder: URL, at date: Date,
        benchmark: String
    ) throws -> TrainedCandidate {
        var store = TrainingStore()
        for row in rows { store.apply(row, at: date) }
        let job = try TrainingJob.plan(
            modelName: trainer.modelName(of: region), version: "bench", region: region, currency: currency,
            trigger: TrainingTrigger(kind: .command, detail: "bench \(benchmark)"),
            rows: store.labelledRows(region: region, currency: currency, featureSchemaVersion: FeatureSchema.version),
            minimumRows: trainer.minimumRows, validationFraction: trainer.validationFraction, sequence: store.sequence, at: date)
        return try JobRunner(model: trainer.model, features: trainer.features, imputation: trainer.imputation).run(
            job, folder: JobFolder(url: folder))
    }
}
