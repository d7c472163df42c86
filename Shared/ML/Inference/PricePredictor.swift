/// A ``PriceModel`` ready to predict many times: its forests flattened once, so a server
/// pricing one home per request does not flatten them per request.
///
/// ``PriceModel/predict(_:)`` goes through it too, so both give the same answers bit for bit.
public struct PricePredictor: Sendable {
    /// The model.
    public let model: PriceModel
    private let point: ForestPredictor
    private let lower: ForestPredictor?
    private let upper: ForestPredictor?

    /// Flattens the forests of `model`.
    public init(_ model: PriceModel) {
        self.model = model
        point = ForestPredictor(model.point)
        if case .quantile = model.interval, let lower = model.lower, let upper = model.upper {
            self.lower = ForestPredictor(lower)
            self.upper = ForestPredictor(upper)
        } else {
            lower = nil
            upper = nil
        }
    }

    /// Predictions on the target's own scale (prices), with intervals when the model has them.
    public func predict(_ data: Dataset) throws(MLError) -> [PricePrediction] {
        let raw = try point.predict(data)
        let lows = try lower?.predict(data)
        let highs = try upper?.predict(data)
        return raw.indices.map { i in prediction(raw: raw[i], low: lows?[i], high: highs?[i]) }
    }

    /// The prediction of one row (``PriceModel/features`` order), on the calling thread.
    public func predict(row: [Double]) throws(MLError) -> PricePrediction {
        prediction(raw: try point.predict(row), low: try lower?.predict(row), high: try upper?.predict(row))
    }

    /// One prediction from the forests' raw outputs.
    private func prediction(raw: Double, low quantileLow: Double?, high quantileHigh: Double?) -> PricePrediction {
        var lowRaw = quantileLow, highRaw = quantileHigh
        if case .conformal(_, let halfWidth) = model.interval {
            lowRaw = raw - halfWidth
            highRaw = raw + halfWidth
        }
        let value = model.untransform(raw)
        var low = lowRaw.map(model.untransform)
        var high = highRaw.map(model.untransform)
        // Separately trained quantile models can cross; an interval always contains its point.
        if let l = low, let h = high {
            low = min(l, h, value)
            high = max(l, h, value)
        }
        return PricePrediction(value: value, lower: low, upper: high)
    }
}
