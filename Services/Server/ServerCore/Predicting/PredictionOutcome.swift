import Schema

/// What one prediction produced: the answer, its explanation, and everything to publish.
public struct PredictionOutcome: Sendable {
    /// The prediction returned to the client (and published).
    public var served: Prediction
    /// The largest contributions in money, largest first, when asked for.
    public var explanation: [FeatureContribution]?
    /// The shadow candidates' predictions: published, never returned.
    public var shadows: [Prediction]
    /// A review task when the interval is too wide for the value.
    public var reviewTask: ReviewTask?
    /// Feature values the serving path dropped or clipped, for the client's information.
    public var issues: [String]

    /// Everything to publish: the served prediction, the shadows, the review task.
    public var messages: [any SchemaMessage] {
        [served] + shadows + (reviewTask.map { [$0] } ?? [])
    }
}

/// One feature's share of a prediction, in the prediction's currency.
public struct FeatureContribution: Sendable, Equatable, Codable {
    /// The feature's name.
    public var feature: String
    /// How much it moved the price away from the model's baseline.
    public var contribution: Double
}
