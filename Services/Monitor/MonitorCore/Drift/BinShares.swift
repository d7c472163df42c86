/// Turning bin counts into shares, shared by the drift statistics.
enum BinShares {
    /// `values` divided by their sum; empty when the sum is not positive.
    static func normalized(_ values: [Double]) -> [Double] {
        let total = values.reduce(0, +)
        guard total > 0 else { return [] }
        return values.map { $0 / total }
    }
}
