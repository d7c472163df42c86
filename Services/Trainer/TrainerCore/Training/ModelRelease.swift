import Foundation
import ModelRegistry
import Schema

/// The registry events of a judged candidate, in the order they are published: `registered`,
/// then `validated` and an alias move, or `rejected` with the gate's reasons.
///
/// An accepted candidate becomes the champion when its model has none yet or the policy says
/// so, otherwise the challenger.
public enum ModelRelease {
    /// The events for `job`'s candidate, stored as `artifact` with `card`, given the registry's
    /// current `state`.
    /// - Throws: ``TrainerError/Code/registryFailed`` when the registry refuses a transition.
    public static func events(
        job: TrainingJob, evaluation: CandidateEvaluation, algorithm: String, artifact: ArtifactReference, card: ArtifactReference,
        state: RegistryState, policy: PromotionPolicy, actor: String, at date: Date
    ) throws(TrainerError) -> [ModelEvent] {
        var state = state
        let registered = ModelEvent.registered(
            modelName: job.modelName, version: job.version, algorithm: algorithm,
            featureSchemaVersion: evaluation.card.featureSchemaVersion, artifact: artifact, card: card,
            metrics: evaluation.verdict.candidate.overall.byName, actor: actor, at: date)
        state.apply(registered)
        guard let version = state.version(job.version, of: job.modelName) else {
            throw TrainerError(.registryFailed, reason: "the registration was not accepted", input: registered.key)
        }
        let reasons = evaluation.verdict.reasons.joined(separator: "; ")
        guard evaluation.verdict.accepted else {
            return [registered, .rejected(version, reason: reasons, actor: actor, at: date)]
        }
        let validated = ModelEvent.validated(version, actor: actor, reason: reasons, at: date)
        state.apply(validated)
        let alias =
            state.champion(of: job.modelName) == nil || policy == .champion ? ModelAlias.champion : ModelAlias.challenger
        do {
            let promoted = try state.promotion(
                of: job.version, model: job.modelName, to: alias, actor: actor,
                reason: "validated by the gate (\(job.trigger.kind.rawValue): \(job.trigger.detail))", at: date)
            return [registered, validated, promoted]
        } catch {
            throw TrainerError(.registryFailed, reason: error.reason, input: "\(job.modelName)#\(alias)")
        }
    }
}
