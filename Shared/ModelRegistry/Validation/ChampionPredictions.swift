/// The current champion's predictions on the validation rows, to compare a candidate with.
public struct ChampionPredictions: Sendable, Equatable {
    /// The champion's version.
    public var version: String
    /// One predicted price per validation row, in row order.
    public var predictions: [Double]

    /// Creates the champion's side of a comparison.
    public init(version: String, predictions: [Double]) {
        self.version = version
        self.predictions = predictions
    }
}
