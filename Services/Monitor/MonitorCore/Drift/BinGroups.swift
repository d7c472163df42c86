import ML

/// Coarser bins for the PSI and the Jensen–Shannon distance.
///
/// The engine bins a numeric feature into up to 255 quantile bins; on a window of 1,000 rows
/// the sampling noise of a PSI alone is about (bins − 1) / rows, 0.25 on such bins: above the
/// alert threshold with no drift at all. So the engine's bins are merged into about `target`
/// groups of similar reference mass (numeric: contiguous bins, in order; categorical: the most
/// frequent levels alone and the rest together), with the missing bin always a group of its own.
/// The Kolmogorov–Smirnov test keeps the fine bins: its statistic does not grow with their number.
public struct BinGroups: Sendable, Equatable {
    /// The group of each engine bin.
    public let groupOfBin: [Int]
    /// The number of groups.
    public let count: Int

    /// Groups `reference` counts (bin 0 the missing bin) of a feature of `kind` into about `target` groups.
    public init(reference: [Int], kind: FeatureInfo.Kind, target: Int) {
        let valueBins = Array(reference.indices.dropFirst())
        let total = Double(valueBins.reduce(0) { $0 + reference[$1] })
        var groups = [Int](repeating: 0, count: reference.count)
        var next = 1
        switch kind {
        case .numeric:
            let share = total / Double(max(1, target - 1))
            var mass = 0.0
            for bin in valueBins {
                groups[bin] = next
                mass += Double(reference[bin])
                if mass >= share, bin != valueBins.last {
                    next += 1
                    mass = 0
                }
            }
        case .categorical:
            let ranked = valueBins.sorted { (reference[$0], -$0) > (reference[$1], -$1) }
            let kept = max(1, target - 2)
            for (rank, bin) in ranked.enumerated() { groups[bin] = 1 + min(rank, kept) }
            next = ranked.isEmpty ? 1 : 1 + min(ranked.count - 1, kept)
        }
        groupOfBin = groups
        count = valueBins.isEmpty ? 1 : next + 1
    }

    /// Counts per engine bin summed per group.
    public func grouped(_ counts: [Int]) -> [Int] {
        var sums = [Int](repeating: 0, count: count)
        for (bin, value) in counts.enumerated() where bin < groupOfBin.count { sums[groupOfBin[bin]] += value }
        return sums
    }
}
