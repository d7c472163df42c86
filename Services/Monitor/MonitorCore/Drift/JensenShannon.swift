import Foundation

/// The Jensen–Shannon distance between two distributions on the same bins: the square root of
/// the mean Kullback–Leibler divergence of each from their midpoint, in bits, so it lies in
/// 0…1 and stays finite when a bin is empty on one side (a new category, say).
public enum JensenShannon {
    /// The distance between `reference` and `live`, both shares (or counts) per bin.
    ///
    /// - Returns: 0 when either side is empty.
    public static func distance(reference: [Double], live: [Double]) -> Double {
        let p = BinShares.normalized(reference), q = BinShares.normalized(live)
        guard !p.isEmpty, !q.isEmpty, p.count == q.count else { return 0 }
        var divergence = 0.0
        for (p, q) in zip(p, q) {
            let m = (p + q) / 2
            if p > 0 { divergence += 0.5 * p * log2(p / m) }
            if q > 0 { divergence += 0.5 * q * log2(q / m) }
        }
        return max(0, divergence).squareRoot()
    }
}
