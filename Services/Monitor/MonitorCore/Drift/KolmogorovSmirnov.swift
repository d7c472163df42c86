import Foundation

/// The two-sample Kolmogorov–Smirnov test of a live window against the training reference of
/// a numeric feature.
///
/// The reference is stored binned, so the statistic is the largest gap between the two
/// cumulative distributions at the engine's bin edges (the missing bin first). That is the
/// exact statistic of the binned samples and never more than the statistic of the raw values,
/// so the test is conservative: it raises fewer alarms than a raw-value test would, never more.
/// The p-value is the asymptotic Kolmogorov distribution at `√(n·m/(n+m)) · D` (Stephens'
/// small-sample correction included), accurate for windows of a few dozen values and up.
public struct KolmogorovSmirnov: Sendable, Equatable {
    /// The largest gap between the cumulative distributions, 0…1.
    public var statistic: Double
    /// The probability of a gap at least this large if both samples came from one distribution.
    public var pValue: Double

    /// Tests `live` counts against `reference` counts on the same bins.
    ///
    /// - Parameters:
    ///   - reference: The reference's counts per bin.
    ///   - live: The live window's counts per bin.
    public init(reference: [Double], live: [Double]) {
        let n = reference.reduce(0, +), m = live.reduce(0, +)
        guard n > 0, m > 0, reference.count == live.count else {
            self.init(statistic: 0, pValue: 1)
            return
        }
        var referenceCDF = 0.0, liveCDF = 0.0, gap = 0.0
        for (r, l) in zip(reference, live) {
            referenceCDF += r / n
            liveCDF += l / m
            gap = max(gap, abs(referenceCDF - liveCDF))
        }
        let effective = (n * m / (n + m)).squareRoot()
        self.init(statistic: gap, pValue: Self.kolmogorovSurvival((effective + 0.12 + 0.11 / effective) * gap))
    }

    /// A result from its parts.
    public init(statistic: Double, pValue: Double) {
        self.statistic = statistic
        self.pValue = pValue
    }

    /// `P(K > x)` for the Kolmogorov distribution: `2 Σ (−1)^(k−1) e^(−2k²x²)`.
    static func kolmogorovSurvival(_ x: Double) -> Double {
        guard x > 0.2 else { return 1 }
        var sum = 0.0
        for k in 1...100 {
            let term = exp(-2 * Double(k * k) * x * x)
            sum += (k % 2 == 1 ? term : -term)
            if term < 1e-12 { break }
        }
        return min(1, max(0, 2 * sum))
    }
}
