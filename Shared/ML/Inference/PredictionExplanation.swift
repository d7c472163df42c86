/// One row's prediction with the features that moved it most (TreeSHAP), as `homeprice model predict --explain` prints it.
///
/// Contributions are on the model's raw scale (log price for a log target):
/// `baseValue + Σ contributions + otherContributions == raw`.
public struct PredictionExplanation: Codable, Sendable, Equatable {
    /// One feature's share of the raw prediction.
    public struct Contribution: Codable, Sendable, Equatable {
        /// The feature's name.
        public var feature: String
        /// The row's value of the feature: a number, a level, or `nil` when missing.
        public var input: String?
        /// How much the feature moved the raw prediction away from ``PredictionExplanation/baseValue``.
        public var contribution: Double
    }

    /// The 0-based data row.
    public var row: Int
    /// The prediction on the target's scale, with its interval when the model has one.
    public var prediction: PricePrediction
    /// The prediction on the model's raw scale.
    public var raw: Double
    /// The expected raw prediction over the training rows.
    public var baseValue: Double
    /// The largest contributions by magnitude, largest first.
    public var top: [Contribution]
    /// The sum of the contributions not in ``top``.
    public var otherContributions: Double
}

extension PriceModel {
    /// Explains every row of `data`: its prediction and its `top` largest feature contributions.
    public func explain(_ data: Dataset, top: Int) throws(MLError) -> [PredictionExplanation] {
        guard top >= 0 else { throw MLError(.invalidValue, "the number of contributions must not be negative") }
        let predictions = try predict(data)
        let raw = try ForestPredictor(point).predict(data)
        let shap = TreeSHAP(point)
        var explanations: [PredictionExplanation] = []
        explanations.reserveCapacity(data.rowCount)
        for r in 0..<data.rowCount {
            let row = data.row(r)
            let phi = try shap.contributions(row)
            let order = phi.indices.sorted { abs(phi[$0]) != abs(phi[$1]) ? abs(phi[$0]) > abs(phi[$1]) : $0 < $1 }
            let shown = Array(order.prefix(top))
            let others = order.dropFirst(top).reduce(0.0) { $0 + phi[$1] }
            explanations.append(
                PredictionExplanation(
                    row: r, prediction: predictions[r], raw: raw[r], baseValue: shap.baseValue,
                    top: shown.map { f in
                        .init(feature: features[f].name, input: features[f].describe(row[f]), contribution: phi[f])
                    },
                    otherContributions: others))
        }
        return explanations
    }
}
