import Foundation

/// A step in the life of a model version: registered, validated, promoted, rejected,
/// rolled back or archived.
///
/// Published on ``Topic/modelsRegistry`` by the trainer, the server and the CLI. A version's
/// lifecycle (registered, validated, rejected, archived) is keyed `<model>@<version>`; an
/// alias move (promoted, rolled back) names the ``alias`` and is keyed `<model>#<alias>`.
/// So the latest event per key gives every version's state and every alias's target, and
/// compaction can never erase a version's history: the registry is rebuilt from the topic
/// alone.
///
/// Version 2 added ``alias``, ``previousVersion``, ``artifactSHA256`` and ``cardURI`` and
/// changed the key from the model name to the keys above.
public struct ModelEvent: SchemaMessage {
    /// Version 2.
    public static let currentSchemaVersion = 2

    /// ``Topic/modelsRegistry``.
    public static let topic = Topic.modelsRegistry

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The model name, for example `"homeprice-us"`.
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

    /// For alias moves (promoted, rolled back): the alias that now points at ``version``, for
    /// example `"champion"` or `"challenger"`.
    public var alias: String?

    /// For alias moves: the version the alias pointed at before, when it pointed at one.
    public var previousVersion: String?

    /// The SHA-256 (lowercase hex) of the model file at ``artifactURI``; readers verify it
    /// before loading.
    public var artifactSHA256: String?

    /// Where the model card (JSON) of the version is stored.
    public var cardURI: URL?

    /// Who caused the event: a service name or `user:<name>`.
    public var actor: String

    /// Why, for rejections, rollbacks and manual promotions.
    public var reason: String?

    /// When it happened.
    public var at: Date

    /// `<model>#<alias>` for an alias move, `<model>@<version>` otherwise.
    public var key: String {
        if let alias { "\(modelName)#\(alias)" } else { "\(modelName)@\(version)" }
    }

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
    ///   - alias: For alias moves, the alias that now points at `version`.
    ///   - previousVersion: For alias moves, the version the alias pointed at before.
    ///   - artifactSHA256: The SHA-256 of the model file.
    ///   - cardURI: Where the model card is stored.
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
        alias: String? = nil,
        previousVersion: String? = nil,
        artifactSHA256: String? = nil,
        cardURI: URL? = nil,
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
        self.alias = alias
        self.previousVersion = previousVersion
        self.artifactSHA256 = artifactSHA256
        self.cardURI = cardURI
        self.actor = actor
        self.reason = reason
        self.at = at
    }
}
