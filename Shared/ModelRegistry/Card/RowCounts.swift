/// How many rows a model version was trained and validated on.
public struct RowCounts: Codable, Sendable, Equatable {
    /// Rows the model learned from.
    public var training: Int
    /// Held-out rows the validation gate judged on.
    public var validation: Int

    /// Creates row counts.
    public init(training: Int, validation: Int) {
        self.training = training
        self.validation = validation
    }
}
