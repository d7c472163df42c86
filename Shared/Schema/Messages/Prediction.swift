import Foundation

/// A served price prediction.
///
/// Published on ``Topic/predictions`` by the server for every prediction, whether asked
/// over HTTP or Kafka, keyed by ``predictionId``. Feedback refers to it by that id, which
/// lets the monitor join feedback to the model version and arm that produced it.
public struct Prediction: SchemaMessage {
    /// Version 2: ``arm`` gained the canary, shadow, default-route and requested values, and
    /// ``experimentId`` names the experiment; version-1 messages (arms `A`/`B` only, no
    /// experiment id) still decode.
    public static let currentSchemaVersion = 2

    /// ``Topic/predictions``.
    public static let topic = Topic.predictions

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The server's unique id for this prediction.
    public var predictionId: String

    /// The id of the request it answers.
    public var requestId: String

    /// The market region of the home, an ISO 3166-1 alpha-2 code.
    public var region: String

    /// The name of the model that predicted.
    public var modelName: String

    /// The version of the model that predicted.
    public var modelVersion: String

    /// The arm of the region's experiment that made the prediction, or the route outside one.
    public var arm: ExperimentArm

    /// The experiment the arm belongs to, when one was running (sticky assignment hashes the
    /// client id with it); `nil` in version-1 messages and outside experiments.
    public var experimentId: String?

    /// The predicted price, in ``currency``.
    public var value: Double

    /// The range the true price is expected in, in ``currency``.
    public var interval: PredictionInterval

    /// The ISO 4217 currency of ``value`` and ``interval``.
    public var currency: String

    /// How much each feature moved the prediction from the model's baseline, by feature name,
    /// in ``currency``; present when the model can explain itself.
    public var contributions: [String: Double]?

    /// When the prediction was made.
    public var predictedAt: Date

    /// The prediction id.
    public var key: String { predictionId }

    /// Creates a prediction.
    ///
    /// - Parameters:
    ///   - predictionId: The server's unique id for this prediction.
    ///   - requestId: The id of the request it answers.
    ///   - region: The market region of the home.
    ///   - modelName: The name of the model.
    ///   - modelVersion: The version of the model.
    ///   - arm: The experiment arm or route.
    ///   - experimentId: The experiment, when one was running.
    ///   - value: The predicted price.
    ///   - interval: The range the true price is expected in.
    ///   - currency: The currency of `value` and `interval`.
    ///   - contributions: Per-feature contributions.
    ///   - predictedAt: When the prediction was made.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        predictionId: String,
        requestId: String,
        region: String,
        modelName: String,
        modelVersion: String,
        arm: ExperimentArm,
        experimentId: String? = nil,
        value: Double,
        interval: PredictionInterval,
        currency: String,
        contributions: [String: Double]? = nil,
        predictedAt: Date,
        schemaVersion: Int = Prediction.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.predictionId = predictionId
        self.requestId = requestId
        self.region = region
        self.modelName = modelName
        self.modelVersion = modelVersion
        self.arm = arm
        self.experimentId = experimentId
        self.value = value
        self.interval = interval
        self.currency = currency
        self.contributions = contributions
        self.predictedAt = predictedAt
    }
}
