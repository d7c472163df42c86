/// What `homeprice model fit` prints: where the model went and how good it is.
public struct FitReport: Codable, Sendable {
    /// The model file written.
    public var model: String
    /// Number of features and their kinds.
    public var features: Int
    public var categoricalFeatures: Int
    /// The training summary saved in the model (rows, rounds, timings, metrics).
    public var summary: TrainingSummary
}
