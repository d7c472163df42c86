/// Live accuracy over a window of joined predictions.
public struct AccuracyFigures: Sendable, Equatable {
    /// The number of joined predictions in the window.
    public var count: Int
    /// Mean absolute error, in the region's currency.
    public var mae: Double
    /// Mean absolute percentage error, as a fraction.
    public var mape: Double
    /// Median absolute percentage error, as a fraction.
    public var medianAPE: Double

    /// The figures of a window's absolute errors and absolute percentage errors.
    public init(absoluteErrors: ValueWindow, percentageErrors: ValueWindow) {
        count = absoluteErrors.count
        mae = absoluteErrors.mean
        mape = percentageErrors.mean
        medianAPE = percentageErrors.median
    }

    /// The figures by name, as monitoring event values.
    public var values: [String: Double] {
        ["count": Double(count), "mae": mae, "mape": mape, "medianAPE": medianAPE]
    }
}
