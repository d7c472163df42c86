import Foundation

/// What `homeprice model fit` saves and the server loads: the point model,
/// optional interval models, how to read input cells, and a description of
/// the training run.
public struct PriceModel: Sendable {
    /// How the target was transformed before training.
    public enum TargetTransform: String, Codable, Sendable {
        /// The model predicts the target itself.
        case identity
        /// The model predicts the natural logarithm of the target; predictions are exponentiated.
        case log
    }

    /// How prediction intervals are made.
    public enum Interval: Sendable, Equatable {
        /// No interval.
        case none
        /// Quantile models (``lower`` and ``upper``) trained with the quantile loss.
        case quantile(coverage: Double)
        /// Point prediction ± `halfWidth` on the model's scale, calibrated on held-out rows (split conformal).
        case conformal(coverage: Double, halfWidth: Double)
    }

    /// The target column's name.
    public var target: String
    /// The transform applied to the target.
    public var targetTransform: TargetTransform
    /// How CSV cells are read (missing tokens, empty-cell levels).
    public var table: TableOptions
    /// The point model.
    public var point: GBMModel
    /// The lower quantile model, for quantile intervals.
    public var lower: GBMModel?
    /// The upper quantile model, for quantile intervals.
    public var upper: GBMModel?
    /// The interval method.
    public var interval: Interval
    /// The linear baseline trained on the same rows, if any.
    public var baseline: RidgeRegression?
    /// Figures about the training run.
    public var summary: TrainingSummary
    /// Named JSON documents that travel inside the model file, such as the fitted feature
    /// parameters (`"features"`); the engine stores them and never reads them.
    public var attachments: [String: String]

    public init(
        target: String, targetTransform: TargetTransform, table: TableOptions, point: GBMModel,
        lower: GBMModel? = nil, upper: GBMModel? = nil, interval: Interval = .none,
        baseline: RidgeRegression? = nil, summary: TrainingSummary, attachments: [String: String] = [:]
    ) {
        self.target = target
        self.targetTransform = targetTransform
        self.table = table
        self.point = point
        self.lower = lower
        self.upper = upper
        self.interval = interval
        self.baseline = baseline
        self.summary = summary
        self.attachments = attachments
    }

    /// The model's inputs, in order.
    public var features: [FeatureInfo] { point.features }

    /// Predictions on the target's own scale (prices), with intervals when the model has them
    /// (see ``PricePredictor``, which flattens the forests once for repeated use).
    public func predict(_ data: Dataset) throws(MLError) -> [PricePrediction] {
        try PricePredictor(self).predict(data)
    }

    /// Maps a model-scale value back to the target's scale.
    public func untransform(_ value: Double) -> Double {
        switch targetTransform {
        case .identity: value
        case .log: Foundation.exp(value)
        }
    }
}
