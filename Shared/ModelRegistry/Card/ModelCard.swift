import Foundation
import ML
import Schema

/// The description of one model version, stored as a JSON artifact beside the model file:
/// where its data came from, what it computes, how well it does overall and per segment, how
/// it compared with the champion, and the training reference the drift monitor compares live
/// traffic with.
///
/// The field set is versioned by ``cardVersion``; a reader refuses a card newer than it knows
/// (see ``decode(from:)``).
public struct ModelCard: Codable, Sendable, Equatable {
    /// The card version this build writes and the newest it reads.
    public static let currentCardVersion = 1

    /// The version of the card's field set.
    public var cardVersion: Int
    /// The model name, for example `"homeprice-de"`.
    public var modelName: String
    /// The model version, for example `"7"`.
    public var version: String
    /// The market region, an ISO 3166-1 alpha-2 code.
    public var region: String
    /// The ISO 4217 currency of the predictions and of every money metric.
    public var currency: String
    /// The learning algorithm, for example `"gbt"` or `"linear"`.
    public var algorithm: String
    /// The feature schema version the model was trained on.
    public var featureSchemaVersion: Int
    /// When the card was written.
    public var createdAt: Date
    /// What started the training run.
    public var trigger: TrainingTrigger
    /// The label dates of the rows used.
    public var dataWindow: DataWindow
    /// The training and validation row counts.
    public var rows: RowCounts
    /// The model inputs, in the model's order.
    public var features: [FeatureInfo]
    /// The fitted feature parameters (imputation values, levels, bounds) as the feature code
    /// encodes them; opaque here.
    public var featureParameters: JSONValue
    /// The candidate's validation metrics overall and per segment.
    public var metrics: SegmentedMetrics
    /// The validation gate's comparison with the champion and its verdict.
    public var championComparison: ChampionComparison
    /// Every input's training distribution on the engine's bins.
    public var trainingReference: TrainingReference
    /// The distribution of the validation predictions, for prediction drift.
    public var predictionReference: FeatureReference
    /// Wall-clock training time of the model.
    public var trainingSeconds: Double
    /// The engine's own summary metrics by name (`train`, `test`, …).
    public var engineMetrics: [String: RegressionMetrics]
    /// The ids of the homes the model learned from, sorted, so a later candidate is compared
    /// with it only on homes it never saw. Absent in cards written before it was recorded.
    public var trainingHomeIds: [String]?

    /// Creates a card of the current ``cardVersion``.
    ///
    /// - Parameters:
    ///   - modelName: The model name.
    ///   - version: The model version.
    ///   - region: The market region.
    ///   - currency: The currency of predictions and money metrics.
    ///   - algorithm: The learning algorithm.
    ///   - featureSchemaVersion: The feature schema version trained on.
    ///   - createdAt: When the card was written.
    ///   - trigger: What started the training run.
    ///   - dataWindow: The label dates of the rows used.
    ///   - rows: The training and validation row counts.
    ///   - features: The model inputs.
    ///   - featureParameters: The fitted feature parameters as JSON.
    ///   - metrics: The validation metrics overall and per segment.
    ///   - championComparison: The validation gate's comparison and verdict.
    ///   - trainingReference: The training distributions of the inputs.
    ///   - predictionReference: The distribution of the validation predictions.
    ///   - trainingSeconds: The training time.
    ///   - engineMetrics: The engine's summary metrics.
    public init(
        modelName: String, version: String, region: String, currency: String, algorithm: String,
        featureSchemaVersion: Int, createdAt: Date, trigger: TrainingTrigger, dataWindow: DataWindow, rows: RowCounts,
        features: [FeatureInfo], featureParameters: JSONValue, metrics: SegmentedMetrics,
        championComparison: ChampionComparison, trainingReference: TrainingReference,
        predictionReference: FeatureReference, trainingSeconds: Double, engineMetrics: [String: RegressionMetrics]
    ) {
        cardVersion = Self.currentCardVersion
        self.modelName = modelName
        self.version = version
        self.region = region
        self.currency = currency
        self.algorithm = algorithm
        self.featureSchemaVersion = featureSchemaVersion
        self.createdAt = createdAt
        self.trigger = trigger
        self.dataWindow = dataWindow
        self.rows = rows
        self.features = features
        self.featureParameters = featureParameters
        self.metrics = metrics
        self.championComparison = championComparison
        self.trainingReference = trainingReference
        self.predictionReference = predictionReference
        self.trainingSeconds = trainingSeconds
        self.engineMetrics = engineMetrics
    }
}
