/// What the validation gate judges: held-out rows' actual prices, the candidate's and the
/// champion's predictions for them, and each row's segment labels.
public struct GateInput: Sendable, Equatable {
    /// The actual price of each validation row.
    public var actual: [Double]
    /// The candidate's predicted price for each row.
    public var candidate: [Double]
    /// The champion's predictions, or `nil` when the model has no champion yet.
    public var champion: ChampionPredictions?
    /// Each row's label per segment kind, for example ``SegmentKind/propertyType`` and
    /// ``SegmentKind/city`` (use a label such as `"unknown"` for a row without one); the gate
    /// adds ``SegmentKind/overall`` and ``SegmentKind/priceBand`` itself.
    public var segments: [SegmentKind: [String]]

    /// Creates the gate's input; every array has one entry per validation row.
    public init(actual: [Double], candidate: [Double], champion: ChampionPredictions?, segments: [SegmentKind: [String]]) {
        self.actual = actual
        self.candidate = candidate
        self.champion = champion
        self.segments = segments
    }
}
