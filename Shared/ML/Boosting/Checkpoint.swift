/// The state of an interrupted training run.
///
/// Resuming with the same data and configuration replays the trees to rebuild
/// the scores, then continues; every random choice is seeded per round, so the
/// result is identical to an uninterrupted run.
public struct Checkpoint: Sendable {
    /// The model so far (all trees, not cut back to the best round).
    public var model: GBMModel
    /// Rounds completed.
    public var completedRounds: Int
    /// Validation metric after each round (empty without validation data).
    public var validHistory: [Double]
    /// Training rows it was made on, to detect a resume with other data.
    public var trainingRows: Int

    public init(model: GBMModel, completedRounds: Int, validHistory: [Double], trainingRows: Int) {
        self.model = model
        self.completedRounds = completedRounds
        self.validHistory = validHistory
        self.trainingRows = trainingRows
    }
}
