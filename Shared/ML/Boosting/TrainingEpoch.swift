/// What a training callback sees every ``GBMConfig/epochRounds`` rounds (and after the last round).
public struct TrainingEpoch: Sendable {
    /// Rounds completed so far.
    public let round: Int
    /// The loss's metric on the training rows.
    public let trainMetric: Double
    /// The loss's metric on the validation rows, if there are any.
    public let validMetric: Double?
    /// The name of both metrics (e.g. `rmse`).
    public let metricName: String
    /// A checkpoint from which training resumes to exactly the model an uninterrupted run gives.
    public let checkpoint: Checkpoint
}

/// A training callback's answer: go on, or stop after this round.
public enum TrainingControl: Sendable {
    case proceed
    case stop
}
