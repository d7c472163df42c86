import Foundation

/// The two-sided Mann–Whitney U test (Wilcoxon rank-sum) of two independent samples, with the
/// normal approximation, tie correction and continuity correction.
///
/// Used on the absolute percentage errors of two A/B arms: those errors are right-skewed with
/// a heavy tail (a few homes are off by 100 % and more), so a mean-based test such as Welch's
/// t is dominated by a handful of outliers and needs large samples before its normal
/// approximation holds; the rank test asks whether one arm's errors are typically smaller,
/// is unaffected by the size of the outliers, and loses little power when errors are normal.
public struct MannWhitneyU: Sendable, Equatable {
    /// The U statistic of the first sample.
    public var u: Double
    /// The standardised statistic.
    public var z: Double
    /// The two-sided p-value.
    public var pValue: Double
    /// `P(first > second) + ½ P(first = second)` estimated from the samples: above 0.5 the
    /// first sample's values are typically larger.
    public var probabilityFirstLarger: Double

    /// Tests `first` against `second`; `nil` when either is empty.
    public init?(_ first: [Double], _ second: [Double]) {
        let n1 = Double(first.count), n2 = Double(second.count)
        guard n1 > 0, n2 > 0 else { return nil }
        let pooled = (first.map { ($0, true) } + second.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var rankSum = 0.0, tieTerm = 0.0, index = 0
        while index < pooled.count {
            var end = index
            while end + 1 < pooled.count, pooled[end + 1].0 == pooled[index].0 { end += 1 }
            let rank = Double(index + end + 2) / 2
            let ties = Double(end - index + 1)
            tieTerm += ties * ties * ties - ties
            for position in index...end where pooled[position].1 { rankSum += rank }
            index = end + 1
        }
        let n = n1 + n2
        u = rankSum - n1 * (n1 + 1) / 2
        probabilityFirstLarger = u / (n1 * n2)
        let mean = n1 * n2 / 2
        let variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
        guard variance > 0 else {
            z = 0
            pValue = 1
            return
        }
        let distance = max(0, abs(u - mean) - 0.5)
        z = (u < mean ? -distance : distance) / variance.squareRoot()
        pValue = min(1, erfc(abs(z) / 2.0.squareRoot()))
    }
}
