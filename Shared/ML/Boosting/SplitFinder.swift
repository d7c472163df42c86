/// Finds the best split of one feature from its histogram.
///
/// Leaf values are Newton steps with L1/L2 regularisation,
/// `w = -T(G) / (H + λ2)` with `T` the L1 soft threshold, clamped to the leaf's
/// monotone bounds; a side's gain is `-(2·T(G)·w + (H + λ2)·w²)`.
/// Numeric features scan every threshold twice (missing values left, then
/// right). Categorical features either split one level against the rest or,
/// LightGBM-style, sort levels by gradient/(count + smoothing) and scan
/// prefixes from both ends.
struct SplitFinder: Sendable {
    let lambdaL1: Double
    let lambdaL2: Double
    let minDataInLeaf: Double
    let minSumHessianInLeaf: Double
    let minGainToSplit: Double
    let maxCategoriesOneHot: Int
    let categoricalSmoothing: Double
    let categoricalL2: Double
    let maxCategoryThreshold: Int
    let minDataPerCategory: Double

    init(_ config: GBMConfig) {
        lambdaL1 = config.lambdaL1
        lambdaL2 = config.lambdaL2
        minDataInLeaf = Double(config.minDataInLeaf)
        minSumHessianInLeaf = config.minSumHessianInLeaf
        minGainToSplit = config.minGainToSplit
        maxCategoriesOneHot = config.maxCategoriesOneHot
        categoricalSmoothing = config.categoricalSmoothing
        categoricalL2 = config.categoricalL2
        maxCategoryThreshold = config.maxCategoryThreshold
        minDataPerCategory = Double(config.minDataPerCategory)
    }

    @inline(__always)
    private func softThreshold(_ g: Double) -> Double {
        let reduced = max(0, abs(g) - lambdaL1)
        return g < 0 ? -reduced : reduced
    }

    /// The leaf value for statistics `s`, clamped to `[lower, upper]`.
    @inline(__always)
    func output(_ s: LeafStatistics, l2: Double, lower: Double, upper: Double) -> Double {
        let w = -softThreshold(s.gradient) / (s.count + l2)
        return min(upper, max(lower, w))
    }

    @inline(__always)
    func gain(_ s: LeafStatistics, l2: Double, output w: Double) -> Double {
        -(2 * softThreshold(s.gradient) * w + (s.count + l2) * w * w)
    }

    @inline(__always)
    private func admissible(_ s: LeafStatistics) -> Bool {
        s.count >= minDataInLeaf && s.count >= minSumHessianInLeaf
    }

    /// The best split of feature `feature` whose histogram starts at `bins`.
    ///
    /// - Parameters:
    ///   - parent: statistics of the leaf being split; `parentOutput` its current value.
    ///   - monotone: +1, -1 or 0 for this feature.
    ///   - lower, upper: the leaf's bounds from monotone splits above it.
    func best(
        feature: Int, bins: UnsafePointer<LeafStatistics>, binCount: Int, isCategorical: Bool,
        parent: LeafStatistics, parentOutput: Double, monotone: Int,
        lower: Double, upper: Double
    ) -> SplitCandidate {
        var best = SplitCandidate()
        if isCategorical {
            findCategorical(
                feature: feature, bins: bins, binCount: binCount, parent: parent,
                parentOutput: parentOutput, lower: lower, upper: upper, best: &best)
        } else {
            findNumeric(
                feature: feature, bins: bins, binCount: binCount, parent: parent, parentOutput: parentOutput,
                monotone: monotone, lower: lower, upper: upper, best: &best)
        }
        return best
    }

    private func findNumeric(
        feature: Int, bins: UnsafePointer<LeafStatistics>, binCount: Int, parent: LeafStatistics,
        parentOutput: Double, monotone: Int, lower: Double, upper: Double,
        best: inout SplitCandidate
    ) {
        guard binCount > 2 else { return }
        let parentGain = gain(parent, l2: lambdaL2, output: parentOutput) + minGainToSplit
        let missing = bins[0]
        let hasMissing = missing.count > 0
        var accumulated = LeafStatistics()
        var bestGain = parentGain
        var bestThreshold = -1
        var bestMissingLeft = false
        var bestLeft = LeafStatistics(), bestRight = LeafStatistics()
        var bestWL = 0.0, bestWR = 0.0
        @inline(__always)
        func consider(_ left: LeafStatistics, threshold t: Int, missingLeft: Bool) {
            let right = parent - left
            guard admissible(left), admissible(right) else { return }
            let wl = output(left, l2: lambdaL2, lower: lower, upper: upper)
            let wr = output(right, l2: lambdaL2, lower: lower, upper: upper)
            if (monotone > 0 && wl > wr) || (monotone < 0 && wl < wr) { return }
            let g = gain(left, l2: lambdaL2, output: wl) + gain(right, l2: lambdaL2, output: wr)
            if g > bestGain {
                bestGain = g
                bestThreshold = t
                bestMissingLeft = missingLeft
                bestLeft = left
                bestRight = right
                bestWL = wl
                bestWR = wr
            }
        }
        for t in 1..<(binCount - 1) {
            accumulated += bins[t]
            if accumulated.count == 0 { continue }
            consider(accumulated, threshold: t, missingLeft: false)
            if hasMissing { consider(accumulated + missing, threshold: t, missingLeft: true) }
        }
        guard bestThreshold > 0 else { return }
        // Without missing training values, unseen missing values follow the larger side.
        let missingLeft = hasMissing ? bestMissingLeft : bestLeft.count >= bestRight.count
        best = SplitCandidate(
            gain: bestGain - parentGain, feature: feature,
            leftBins: .prefix(through: bestThreshold, missingLeft: missingLeft),
            threshold: bestThreshold, isCategorical: false, left: bestLeft, right: bestRight,
            leftOutput: bestWL, rightOutput: bestWR)
    }

    private func findCategorical(
        feature: Int, bins: UnsafePointer<LeafStatistics>, binCount: Int,
        parent: LeafStatistics, parentOutput: Double, lower: Double, upper: Double,
        best: inout SplitCandidate
    ) {
        let present = (0..<binCount).filter { bins[$0].count > 0 }
        guard present.count > 1 else { return }
        if present.count <= maxCategoriesOneHot {
            let parentGain = gain(parent, l2: lambdaL2, output: parentOutput) + minGainToSplit
            for b in present {
                let left = bins[b]
                let right = parent - left
                guard admissible(left), admissible(right) else { continue }
                let wl = output(left, l2: lambdaL2, lower: lower, upper: upper)
                let wr = output(right, l2: lambdaL2, lower: lower, upper: upper)
                let g = gain(left, l2: lambdaL2, output: wl) + gain(right, l2: lambdaL2, output: wr) - parentGain
                if g > best.gain {
                    var set = BinSet()
                    set.insert(UInt8(b))
                    best = SplitCandidate(
                        gain: g, feature: feature, leftBins: set, threshold: 0, isCategorical: true,
                        left: left, right: right, leftOutput: wl, rightOutput: wr)
                }
            }
            return
        }
        let l2 = lambdaL2 + categoricalL2
        let parentGain = gain(parent, l2: l2, output: parentOutput) + minGainToSplit
        let candidates = present.filter { bins[$0].count >= minDataPerCategory }
            .sorted { a, b in
                let ra = bins[a].gradient / (bins[a].count + categoricalSmoothing)
                let rb = bins[b].gradient / (bins[b].count + categoricalSmoothing)
                return ra != rb ? ra < rb : a < b
            }
        guard candidates.count > 1 else { return }
        let limit = min(maxCategoryThreshold, (candidates.count + 1) / 2)
        for fromFront in [true, false] {
            var left = LeafStatistics()
            var set = BinSet()
            for step in 0..<limit {
                let b = fromFront ? candidates[step] : candidates[candidates.count - 1 - step]
                left += bins[b]
                set.insert(UInt8(b))
                let right = parent - left
                guard admissible(left), admissible(right), left.count >= minDataPerCategory,
                    right.count >= minDataPerCategory
                else { continue }
                let wl = output(left, l2: l2, lower: lower, upper: upper)
                let wr = output(right, l2: l2, lower: lower, upper: upper)
                let g = gain(left, l2: l2, output: wl) + gain(right, l2: l2, output: wr) - parentGain
                if g > best.gain {
                    best = SplitCandidate(
                        gain: g, feature: feature, leftBins: set, threshold: 0, isCategorical: true,
                        left: left, right: right, leftOutput: wl, rightOutput: wr)
                }
            }
        }
    }
}
