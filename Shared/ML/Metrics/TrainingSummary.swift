/// Figures about a training run, saved in the model file.
public struct TrainingSummary: Codable, Sendable, Equatable {
    /// Training rows.
    public var rows: Int
    /// Rows held out for early stopping or interval calibration.
    public var heldOutRows: Int
    /// Test rows (not used for training at all).
    public var testRows: Int
    /// Mean, standard deviation, minimum and maximum of the training target on the model's scale.
    public var targetMean: Double
    public var targetStandardDeviation: Double
    public var targetMinimum: Double
    public var targetMaximum: Double
    /// Rounds run and the round kept.
    public var roundsRun: Int
    public var bestRound: Int
    /// Wall-clock time of the whole fit: point model, interval models and ridge baseline (the
    /// trainer service writes 0 into its model files so a resumed job writes the same bytes; its
    /// model card carries the real time).
    public var trainingSeconds: Double
    /// Metrics by name: `train`, `test` (model scale), `testPrice` (target scale), `baselineTest`, ….
    public var metrics: [String: RegressionMetrics]
    /// Fraction of test rows inside their interval, if there were test rows and intervals.
    public var intervalCoverage: Double?

    public init(
        rows: Int, heldOutRows: Int, testRows: Int, target: [Double], roundsRun: Int, bestRound: Int,
        trainingSeconds: Double, metrics: [String: RegressionMetrics], intervalCoverage: Double?
    ) {
        self.rows = rows
        self.heldOutRows = heldOutRows
        self.testRows = testRows
        let n = Double(max(1, target.count))
        let mean = target.reduce(0, +) / n
        targetMean = mean
        targetStandardDeviation = (target.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        targetMinimum = target.min() ?? 0
        targetMaximum = target.max() ?? 0
        self.roundsRun = roundsRun
        self.bestRound = bestRound
        self.trainingSeconds = trainingSeconds
        self.metrics = metrics
        self.intervalCoverage = intervalCoverage
    }
}
