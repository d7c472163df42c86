import ML

/// How far predicted prices are from actual prices over a set of rows; money amounts are in
/// the region's currency.
public struct PriceMetrics: Codable, Sendable, Equatable {
    /// The number of rows.
    public var count: Int
    /// Mean absolute error, in money.
    public var mae: Double
    /// Mean absolute percentage error, as a fraction (0.08 is 8 %); rows with an actual price
    /// of 0 are skipped.
    public var mape: Double
    /// Root mean squared error, in money.
    public var rmse: Double
    /// Median absolute percentage error, as a fraction; rows with an actual price of 0 are
    /// skipped.
    public var medianAPE: Double

    /// Creates metrics from their values.
    public init(count: Int, mae: Double, mape: Double, rmse: Double, medianAPE: Double) {
        self.count = count
        self.mae = mae
        self.mape = mape
        self.rmse = rmse
        self.medianAPE = medianAPE
    }

    /// Computes the metrics of `predicted` against `actual`, row by row; extra rows of the
    /// longer array are ignored.
    public init(actual: [Double], predicted: [Double]) {
        let engine = RegressionMetrics(actual: actual, predicted: predicted)
        let errors = zip(actual, predicted).compactMap { actual, predicted in
            actual == 0 ? nil : abs((predicted - actual) / actual)
        }
        self.init(
            count: engine.count, mae: engine.mae, mape: engine.mape, rmse: engine.rmse,
            medianAPE: Self.median(errors.sorted()))
    }

    /// The value of one metric.
    public func value(of metric: GuardedMetric) -> Double {
        switch metric {
        case .mae: mae
        case .mape: mape
        case .rmse: rmse
        case .medianAPE: medianAPE
        }
    }

    /// Every metric by its name (`count`, `mae`, `mape`, `rmse`, `medianAPE`), the form
    /// ``ModelEvent/metrics`` carries.
    public var byName: [String: Double] {
        var named = ["count": Double(count)]
        for metric in GuardedMetric.allCases { named[metric.rawValue] = value(of: metric) }
        return named
    }

    private static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
