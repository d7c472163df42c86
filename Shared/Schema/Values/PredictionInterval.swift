/// The range a true price is expected to fall in, with the given probability.
public struct PredictionInterval: Codable, Sendable, Equatable {
    /// The lower bound, in the prediction's currency.
    public var lower: Double

    /// The upper bound, in the prediction's currency.
    public var upper: Double

    /// The probability that the true price lies in the interval, for example `0.9`.
    public var confidence: Double

    /// Creates an interval.
    ///
    /// - Parameters:
    ///   - lower: The lower bound.
    ///   - upper: The upper bound.
    ///   - confidence: The probability that the true price lies in the interval.
    public init(lower: Double, upper: Double, confidence: Double) {
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }
}
