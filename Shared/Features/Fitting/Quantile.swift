/// Quantiles of sorted values, by linear interpolation between the closest ranks (the
/// definition also used by NumPy's default and R's type 7).
enum Quantile {
    /// The `q` quantile (0…1) of `sorted`, which must be ascending and not empty.
    static func of(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * min(max(q, 0), 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }
}
