/// A finished training run.
public struct TrainingResult: Sendable {
    /// The model, cut back to the best round when early stopping was on.
    public var model: GBMModel
    /// Rounds run (before cutting back).
    public var roundsRun: Int
    /// The round whose model was kept (1-based).
    public var bestRound: Int
    /// The loss's metric on the training rows for the kept model.
    public var trainMetric: Double
    /// The loss's metric on the validation rows after each round.
    public var validHistory: [Double]
}
