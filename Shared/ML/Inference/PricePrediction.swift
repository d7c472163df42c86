/// One prediction on the target's scale, with its interval when the model has one.
public struct PricePrediction: Codable, Sendable, Equatable {
    /// The point prediction.
    public var value: Double
    /// The interval's lower end.
    public var lower: Double?
    /// The interval's upper end.
    public var upper: Double?

    public init(value: Double, lower: Double? = nil, upper: Double? = nil) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}
