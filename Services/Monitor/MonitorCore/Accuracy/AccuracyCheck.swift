/// The outcome of one periodic accuracy check of a region.
public struct AccuracyCheck: Sendable, Equatable {
    /// The market region.
    public var region: String
    /// The live figures of every version and arm of the region.
    public var figures: [AccuracyKey: AccuracyFigures]
    /// The A/B verdict over the region's arms.
    public var verdict: ABVerdict
    /// The model version the verdict's challenger arm (`B`) holds, if any.
    public var challenger: AccuracyKey?
    /// Whether this check raised (`true`) or cleared (`false`) the region's accuracy alert.
    public var alertChange: Bool?
    /// The champion's live MAPE and the bound it was held to, when checked.
    public var championMAPE: (live: Double, bound: Double)?

    /// Equal when every part is.
    public static func == (lhs: AccuracyCheck, rhs: AccuracyCheck) -> Bool {
        lhs.region == rhs.region && lhs.figures == rhs.figures && lhs.verdict == rhs.verdict && lhs.challenger == rhs.challenger
            && lhs.alertChange == rhs.alertChange
            && lhs.championMAPE?.live == rhs.championMAPE?.live && lhs.championMAPE?.bound == rhs.championMAPE?.bound
    }
}
