import Foundation

/// The population stability index of a live distribution against a reference on the same bins:
/// `Σ (live − ref) · ln(live / ref)` over the bins' shares.
///
/// An empty bin on either side would make the sum infinite, so every share is floored at
/// `epsilon` first (Evidently and most drift tools do the same). Conventional reading: below
/// 0.1 stable, 0.1–0.2 moderate shift, above 0.2 significant shift.
public enum PopulationStabilityIndex {
    /// The index of `live` against `reference`, both shares (or counts) per bin on the same bins.
    ///
    /// - Parameters:
    ///   - reference: The reference's shares or counts per bin.
    ///   - live: The live window's shares or counts per bin; same length as `reference`.
    ///   - epsilon: The floor of a bin's share.
    /// - Returns: 0 when either side is empty.
    public static func index(reference: [Double], live: [Double], epsilon: Double) -> Double {
        let expected = BinShares.normalized(reference), actual = BinShares.normalized(live)
        guard !expected.isEmpty, !actual.isEmpty, expected.count == actual.count else { return 0 }
        var sum = 0.0
        for (e, a) in zip(expected, actual) {
            let e = max(e, epsilon), a = max(a, epsilon)
            sum += (a - e) * log(a / e)
        }
        return sum
    }
}
