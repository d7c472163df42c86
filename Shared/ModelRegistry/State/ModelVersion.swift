import Foundation
import Schema

/// One version of a model as the registry knows it: its lifecycle state and everything its
/// latest lifecycle event carries.
///
/// Every lifecycle event repeats the registration's artifact, card, metrics, algorithm and
/// feature schema version (the factories in ``ModelEvent`` copy them), because compaction keeps
/// only the latest event of the version's key.
public struct ModelVersion: Sendable, Equatable {
    /// The model name.
    public var modelName: String
    /// The version, an integer as text (`"1"`, `"2"`, …).
    public var version: String
    /// Where the version is in its life.
    public var lifecycle: VersionLifecycle
    /// The learning algorithm.
    public var algorithm: String?
    /// The feature schema version the model was trained on.
    public var featureSchemaVersion: Int?
    /// The validation metrics by name.
    public var metrics: [String: Double]
    /// The model file, when the event named both its URI and its hash.
    public var artifact: ArtifactReference?
    /// The model card.
    public var cardURI: URL?
    /// Who caused the latest lifecycle event.
    public var actor: String
    /// Why, for a rejection or an archival.
    public var reason: String?
    /// When the latest lifecycle event happened.
    public var updatedAt: Date

    /// The version a lifecycle event states, or `nil` for an alias move or an event whose
    /// kind is an alias move without an alias (which the registry cannot read).
    public init?(_ event: ModelEvent) {
        guard event.alias == nil, let lifecycle = VersionLifecycle(event.kind) else { return nil }
        modelName = event.modelName
        version = event.version
        self.lifecycle = lifecycle
        algorithm = event.algorithm
        featureSchemaVersion = event.featureSchemaVersion
        metrics = event.metrics
        if let uri = event.artifactURI, let sha256 = event.artifactSHA256 {
            artifact = ArtifactReference(sha256: sha256, uri: uri)
        }
        cardURI = event.cardURI
        actor = event.actor
        reason = event.reason
        updatedAt = event.at
    }

    /// Whether the version can serve: neither rejected nor archived, and with an artifact.
    public var isServable: Bool {
        (lifecycle == .registered || lifecycle == .validated) && artifact != nil
    }

    /// Whether `lhs` comes before `rhs` among a model's versions: integers by value, then any
    /// other version text in text order.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs), Int(rhs)) {
        case let (left?, right?): left < right
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs < rhs
        }
    }
}
