/// Standard regression metrics of predictions against true values.
public struct RegressionMetrics: Codable, Sendable, Equatable {
    /// Root mean squared error.
    public var rmse: Double
    /// Mean absolute error.
    public var mae: Double
    /// Mean absolute percentage error, as a fraction (0.08 is 8 %); rows with a true value of 0 are skipped.
    public var mape: Double
    /// Coefficient of determination.
    public var r2: Double
    /// Number of rows.
    public var count: Int

    /// Computes the metrics; both arrays must have the same length.
    public init(actual: [Double], predicted: [Double]) {
        let n = min(actual.count, predicted.count)
        var squared = 0.0, absolute = 0.0, percentage = 0.0, percentageRows = 0, sum = 0.0
        for i in 0..<n {
            let error = predicted[i] - actual[i]
            squared += error * error
            absolute += abs(error)
            sum += actual[i]
            if actual[i] != 0 {
                percentage += abs(error / actual[i])
                percentageRows += 1
            }
        }
        let mean = sum / Double(max(1, n))
        let total = actual.prefix(n).reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        count = n
        rmse = (squared / Double(max(1, n))).squareRoot()
        mae = absolute / Double(max(1, n))
        mape = percentage / Double(max(1, percentageRows))
        r2 = total > 0 ? 1 - squared / total : 0
    }
}
