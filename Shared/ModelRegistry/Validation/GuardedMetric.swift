import Foundation

/// A price-error metric the validation gate can guard; for every one, lower is better.
public enum GuardedMetric: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    /// Mean absolute error, in money.
    case mae
    /// Mean absolute percentage error, as a fraction.
    case mape
    /// Root mean squared error, in money.
    case rmse
    /// Median absolute percentage error, as a fraction.
    case medianAPE

    /// A value of this metric for a person: a percentage for the percentage errors, a whole
    /// amount of money otherwise.
    public func format(_ value: Double) -> String {
        switch self {
        case .mape, .medianAPE: String(format: "%.2f%%", value * 100)
        case .mae, .rmse: String(format: "%.0f", value)
        }
    }
}
