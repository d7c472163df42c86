/// The best split found for a leaf: feature, which bins go left, and both sides' statistics.
struct SplitCandidate: Sendable {
    var gain = -Double.infinity
    var feature = -1
    /// The bins sent left; bin 0 (missing) is in it when missing values go left.
    var leftBins = BinSet()
    /// Numeric splits: left holds bins `1...threshold`.
    var threshold = 0
    var isCategorical = false
    var left = LeafStatistics()
    var right = LeafStatistics()
    var leftOutput = 0.0
    var rightOutput = 0.0

    var isValid: Bool { feature >= 0 && gain > 0 && gain.isFinite }

    /// Whether `self` beats `other`; ties go to the lower feature index, so the choice never depends on thread timing.
    func isBetter(than other: SplitCandidate) -> Bool {
        if gain != other.gain { return gain > other.gain }
        return feature >= 0 && (other.feature < 0 || feature < other.feature)
    }
}
