import Features
import Foundation
import ML
import ModelRegistry
import Schema

/// Judges a trained candidate on its job's validation rows against the current champion, and
/// writes its card.
///
/// The candidate's metrics are over all its validation rows. The champion is compared on the
/// rows it cannot have learned from — homes sold after its own training rows — each model
/// encoding them with its own fitted parameters: rows arrive in any order, so a later job's
/// validation rows may include homes the champion trained on, and judging on those would
/// favour it. When fewer than the gate's `minSegmentRows` such rows exist, the comparison runs
/// on all rows (favouring the champion: a worse candidate is never let through), and the
/// reasons say so.
public struct CandidateEvaluation: Sendable {
    /// The gate's verdict.
    public var verdict: GateVerdict
    /// The card to store beside the model.
    public var card: ModelCard

    /// Evaluates `candidate` of `job` against `champion`, when the region has one.
    /// - Throws: ``TrainerError/Code/trainingFailed`` when a model cannot predict the rows.
    public static func evaluate(
        _ candidate: TrainedCandidate, job: TrainingJob, champion: ChampionModel?, gate: GateSettings, algorithm: String,
        at date: Date
    ) throws(TrainerError) -> CandidateEvaluation {
        do {
            let actual = job.validation.compactMap(\.target)
            let predicted = try candidate.model.predict(candidate.validationData).map(\.value)
            let segments: [SegmentKind: [String]] = [
                .propertyType: job.validation.map { $0.categorical["propertyType"] ?? "unknown" },
                .city: job.validation.map { $0.categorical["city"] ?? "unknown" },
            ]
            let validationGate = try ValidationGate(settings: gate)
            let all = GateInput(actual: actual, candidate: predicted, champion: nil, segments: segments)
            var verdict = try validationGate.evaluate(all)
            if let champion {
                let encoder = FeatureEncoder(parameters: try FittedFeatureParameters(from: champion.model))
                let championPredicted = try champion.model.predict(try encoder.dataset(rows: job.validation, includeTarget: false))
                    .map(\.value)
                var unseen = champion.unseen(job.validation)
                var note: String?
                if unseen.count < gate.minSegmentRows {
                    note =
                        "compared on all \(actual.count) validation homes: champion \(champion.version) never saw only "
                        + "\(unseen.count) of them"
                    unseen = Array(actual.indices)
                } else if unseen.count < actual.count {
                    note =
                        "compared with champion \(champion.version) on the \(unseen.count) of \(actual.count) validation homes "
                        + "it never saw"
                }
                let compared = try validationGate.evaluate(
                    GateInput(
                        actual: unseen.map { actual[$0] }, candidate: unseen.map { predicted[$0] },
                        champion: ChampionPredictions(version: champion.version, predictions: unseen.map { championPredicted[$0] }),
                        segments: segments.mapValues { labels in unseen.map { labels[$0] } }))
                verdict.comparison = compared.comparison
                verdict.champion = compared.champion
                if let note { verdict.comparison.reasons.append(note) }
            }
            var card = ModelCard(
                modelName: job.modelName, version: job.version, region: job.region, currency: job.currency, algorithm: algorithm,
                featureSchemaVersion: candidate.parameters.featureSchemaVersion, createdAt: date, trigger: job.trigger,
                dataWindow: job.dataWindow, rows: RowCounts(training: job.training.count, validation: job.validation.count),
                features: candidate.model.features, featureParameters: try JSONValue(encoding: candidate.parameters),
                metrics: verdict.candidate, championComparison: verdict.comparison,
                trainingReference: try TrainingReference(model: candidate.model.point, data: candidate.trainingData),
                predictionReference: FeatureReference(predictions: predicted, bins: 20),
                trainingSeconds: candidate.trainingSeconds, engineMetrics: candidate.model.summary.metrics)
            card.trainingHomeIds = job.training.map(\.homeId).sorted()
            return CandidateEvaluation(verdict: verdict, card: card)
        } catch let error as TrainerError {
            throw error
        } catch {
            throw TrainerError(.trainingFailed, reason: "cannot evaluate the candidate: \(error)", input: job.folderName)
        }
    }
}
