import Foundation

/// A step in the life of a model version: registered, validated, promoted, rejected,
/// rolled back or archived.
///
/// Published on ``Topic/modelsRegistry`` by the trainer, the server and the CLI, keyed by
/// ``modelName``. Replaying the topic from the beginning rebuilds the registry; the latest
/// event per model name tells which version currently serves.
public struct ModelEvent: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/modelsRegistry``.
    public static let topic = Topic.modelsRegistry

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The model name, for example `"price-us"`.
    public var modelName: String

    /// The version of the model, for example `"2024.18.1"`.
    public var version: String

    /// What happened to the version.
    public var kind: ModelEventKind

    /// The learning algorithm, for example `"gbt"` or `"linear"`.
    public var algorithm: String?

    /// The ``FeatureRow/featureSchemaVersion`` the model was trained on.
    public var featureSchemaVersion: Int?

    /// Evaluation metrics by name, for example `["mape": 0.081, "rmse": 31250]`.
    public var metrics: [String: Double]

    /// Where the model artifact is stored, for example `file:///models/price-us/2024.18.1`
    /// or `s3://models/price-us/2024.18.1`.
    public var artifactURI: URL?

    /// Who caused the event: a service name or `user:<name>`.
    public var actor: String

    /// Why, for rejections, rollbacks and manual promotions.
    public var reason: String?

    /// When it happened.
    public var at: Date

    /// The model name.
    public var key: String { modelName }

    /// Creates a model event.
    ///
    /// - Parameters:
    ///   - modelName: The model name.
    ///   - version: The version of the model.
    ///   - kind: What happened to the version.
    ///   - algorithm: The learning algorithm.
    ///   - featureSchemaVersion: The feature schema version the model was trained on.
    ///   - metrics: Evaluation metrics by name.
    ///   - artifactURI: Where the model artifact is stored.
    ///   - actor: Who caused the event.
    ///   - reason: Why.
    ///   - at: When it happened.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        modelName: String,
        version: String,
        kind: ModelEventKind,
        algorithm: String? = nil,
        featureSchemaVersion: Int? = nil,
        metrics: [String: Double] = [:],
        artifactURI: URL? = nil,
        actor: String,
        reason: String? = nil,
        at: Date,
        schemaVersion: Int = ModelEvent.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.modelName = modelName
        self.version = version
        self.kind = kind
        self.algorithm = algorithm
        self.featureSchemaVersion = featureSchemaVersion
        self.metrics = metrics
        self.artifactURI = artifactURI
        self.actor = actor
        self.reason = reason
        self.at = at
    }
}
