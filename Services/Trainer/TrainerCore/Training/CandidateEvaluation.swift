import Features
import Foundation
import ML
import ModelRegistry
import Schema

/// Judges a trained candidate on its job's validation rows against the current champion (the
/// same rows, each model encoding them with its own fitted parameters), and writes its card.
public struct CandidateEvaluation: Sendable {
    /// The gate's verdict.
    public var verdict: GateVerdict
    /// The card to store beside the model.
    public var card: ModelCard

    /// Evaluates `candidate` of `job`; `champion` is the current champion's version and model,
    /// when the region has one whose features can be computed from these rows.
    /// - Throws: ``TrainerError/Code/trainingFailed`` when a model cannot predict the rows.
    public static func evaluate(
        _ candidate: TrainedCandidate, job: TrainingJob, champion: (version: String, model: PriceModel)?, gate: GateSettings,
        algorithm: String, at date: Date
    ) throws(TrainerError) -> CandidateEvaluation {
        do {
            let actual = job.validation.compactMap(\.target)
            let predicted = try candidate.model.predict(candidate.validationData).map(\.value)
            let championPredictions = try champion.map { champion in
                let encoder = FeatureEncoder(parameters: try FittedFeatureParameters(from: champion.model))
                let data = try encoder.dataset(rows: job.validation, includeTarget: false)
                return ChampionPredictions(version: champion.version, predictions: try champion.model.predict(data).map(\.value))
            }
            let segments: [SegmentKind: [String]] = [
                .propertyType: job.validation.map { $0.categorical["propertyType"] ?? "unknown" },
                .city: job.validation.map { $0.categorical["city"] ?? "unknown" },
            ]
            let verdict = try ValidationGate(settings: gate).evaluate(
                GateInput(actual: actual, candidate: predicted, champion: championPredictions, segments: segments))
            let card = ModelCard(
                modelName: job.modelName, version: job.version, region: job.region, currency: job.currency, algorithm: algorithm,
                featureSchemaVersion: candidate.parameters.featureSchemaVersion, createdAt: date, trigger: job.trigger,
                dataWindow: job.dataWindow, rows: RowCounts(training: job.training.count, validation: job.validation.count),
                features: candidate.model.features, featureParameters: try JSONValue(encoding: candidate.parameters),
                metrics: verdict.candidate, championComparison: verdict.comparison,
                trainingReference: try TrainingReference(model: candidate.model.point, data: candidate.trainingData),
                predictionReference: FeatureReference(predictions: predicted, bins: 20),
                trainingSeconds: candidate.trainingSeconds, engineMetrics: candidate.model.summary.metrics)
            return CandidateEvaluation(verdict: verdict, card: card)
        } catch let error as TrainerError {
            throw error
        } catch {
            throw TrainerError(.trainingFailed, reason: "cannot evaluate the candidate: \(error)", input: job.folderName)
        }
    }
}
