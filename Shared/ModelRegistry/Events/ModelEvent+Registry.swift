import Foundation
import Schema

extension ModelEvent {
    /// A new version whose model file and card are stored.
    ///
    /// - Parameters:
    ///   - modelName: The model name.
    ///   - version: The version, from ``RegistryState/nextVersion(for:)``.
    ///   - algorithm: The learning algorithm.
    ///   - featureSchemaVersion: The feature schema version trained on.
    ///   - artifact: The stored model file.
    ///   - card: The stored model card.
    ///   - metrics: The validation metrics by name (``PriceMetrics/byName``).
    ///   - actor: Who registered it.
    ///   - at: When.
    public static func registered(
        modelName: String, version: String, algorithm: String, featureSchemaVersion: Int, artifact: ArtifactReference,
        card: ArtifactReference, metrics: [String: Double], actor: String, at: Date
    ) -> ModelEvent {
        ModelEvent(
            modelName: modelName, version: version, kind: .registered, algorithm: algorithm,
            featureSchemaVersion: featureSchemaVersion, metrics: metrics, artifactURI: artifact.uri,
            artifactSHA256: artifact.sha256, cardURI: card.uri, actor: actor, at: at)
    }

    /// The version passed validation; it carries the registration's references along.
    public static func validated(_ version: ModelVersion, actor: String, reason: String? = nil, at: Date) -> ModelEvent {
        lifecycle(.validated, of: version, actor: actor, reason: reason, at: at)
    }

    /// The version was refused; it carries the registration's references along.
    public static func rejected(_ version: ModelVersion, reason: String, actor: String, at: Date) -> ModelEvent {
        lifecycle(.rejected, of: version, actor: actor, reason: reason, at: at)
    }

    /// The version is retired; it carries the registration's references along.
    public static func archived(_ version: ModelVersion, actor: String, reason: String? = nil, at: Date) -> ModelEvent {
        lifecycle(.archived, of: version, actor: actor, reason: reason, at: at)
    }

    /// `alias` of the model now points at `version`; `previousVersion` is where it pointed
    /// before. Prefer ``RegistryState/promotion(of:model:to:actor:reason:at:)``, which checks the
    /// move and fills in the previous version.
    public static func promoted(
        modelName: String, alias: String, version: String, previousVersion: String?, actor: String, reason: String?,
        at: Date
    ) -> ModelEvent {
        ModelEvent(
            modelName: modelName, version: version, kind: .promoted, alias: alias, previousVersion: previousVersion,
            actor: actor, reason: reason, at: at)
    }

    /// `alias` of the model moved back to `version` from `previousVersion`. Prefer
    /// ``RegistryState/rollback(of:model:actor:reason:at:)``, which finds the target.
    public static func rolledBack(
        modelName: String, alias: String, version: String, previousVersion: String, actor: String, reason: String?,
        at: Date
    ) -> ModelEvent {
        ModelEvent(
            modelName: modelName, version: version, kind: .rolledBack, alias: alias, previousVersion: previousVersion,
            actor: actor, reason: reason, at: at)
    }

    /// A lifecycle event that repeats everything the version's registration carried, so the
    /// latest event of the version's key is enough under compaction.
    private static func lifecycle(
        _ kind: ModelEventKind, of version: ModelVersion, actor: String, reason: String?, at: Date
    ) -> ModelEvent {
        ModelEvent(
            modelName: version.modelName, version: version.version, kind: kind, algorithm: version.algorithm,
            featureSchemaVersion: version.featureSchemaVersion, metrics: version.metrics,
            artifactURI: version.artifact?.uri, artifactSHA256: version.artifact?.sha256, cardURI: version.cardURI,
            actor: actor, reason: reason, at: at)
    }
}
