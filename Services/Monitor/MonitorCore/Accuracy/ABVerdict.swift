import Schema

/// The verdict on a region's A/B experiment: are the challenger's (arm B) absolute percentage
/// errors significantly different from the champion's (arm A)?
public struct ABVerdict: Sendable, Equatable {
    /// What the test concluded.
    public enum Outcome: String, Sendable, Equatable {
        /// Too few joined predictions in an arm to test.
        case insufficientData
        /// No significant difference.
        case noDifference
        /// The challenger's errors are significantly smaller.
        case challengerBetter
        /// The challenger's errors are significantly larger.
        case challengerWorse
    }

    /// The market region.
    public var region: String
    /// Joined predictions of arm A in the window.
    public var championSamples: Int
    /// Joined predictions of arm B in the window.
    public var challengerSamples: Int
    /// Median absolute percentage error of arm A.
    public var championMedianAPE: Double
    /// Median absolute percentage error of arm B.
    public var challengerMedianAPE: Double
    /// The Mann–Whitney test of A's errors against B's, when both arms had enough samples.
    public var test: MannWhitneyU?
    /// What it means.
    public var outcome: Outcome

    /// Tests the arms' windows of absolute percentage errors at significance `alpha`, requiring
    /// `minimumSamples` in each arm.
    public init(region: String, champion: ValueWindow, challenger: ValueWindow, alpha: Double, minimumSamples: Int) {
        self.region = region
        championSamples = champion.count
        challengerSamples = challenger.count
        championMedianAPE = champion.median
        challengerMedianAPE = challenger.median
        guard champion.count >= minimumSamples, challenger.count >= minimumSamples,
            let test = MannWhitneyU(champion.values, challenger.values)
        else {
            test = nil
            outcome = .insufficientData
            return
        }
        self.test = test
        if test.pValue >= alpha {
            outcome = .noDifference
        } else {
            outcome = test.probabilityFirstLarger > 0.5 ? .challengerBetter : .challengerWorse
        }
    }

    /// The verdict as monitoring event values.
    public var values: [String: Double] {
        var values = [
            "championSamples": Double(championSamples), "challengerSamples": Double(challengerSamples),
            "championMedianAPE": championMedianAPE, "challengerMedianAPE": challengerMedianAPE,
        ]
        if let test {
            values["pValue"] = test.pValue
            values["z"] = test.z
            values["probabilityChampionErrorLarger"] = test.probabilityFirstLarger
        }
        return values
    }
}
