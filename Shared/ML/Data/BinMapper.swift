/// Maps one feature's raw values to small integer bins.
///
/// Bin 0 always holds missing values. A numeric feature with `k` thresholds
/// has value bins `1...k+1`: value `v` falls in bin `1 + #{t : t < v}`, so
/// "bin ≤ b" is exactly "v ≤ thresholds[b-1]" and a split learned on bins is
/// the same split on raw values. A categorical feature gives each level its own
/// bin; when there are more levels than bins, the rarest share the last bin.
public struct BinMapper: Codable, Sendable, Equatable {
    /// The feature's kind.
    public var kind: FeatureInfo.Kind
    /// Numeric: ascending bin upper bounds (the last bin is unbounded).
    public var thresholds: [Double]
    /// Categorical: the bin of each level code.
    public var levelBins: [UInt8]

    /// Number of bins including the missing bin 0.
    public var binCount: Int {
        switch kind {
        case .numeric: thresholds.count + 2
        case .categorical: Int(levelBins.max() ?? 0) + 1
        }
    }

    /// The bin of a raw value.
    @inline(__always)
    public func bin(_ value: Double) -> UInt8 {
        if value.isNaN { return 0 }
        switch kind {
        case .numeric:
            // Branch-free lower bound (the number of thresholds below `value`): the step is a
            // conditional move, so unpredictable comparisons cost no mispredictions.
            guard !thresholds.isEmpty else { return 1 }
            return thresholds.withUnsafeBufferPointer { t in
                var first = 0, length = t.count
                while length > 1 {
                    let half = length >> 1
                    first = t[first &+ half &- 1] < value ? first &+ half : first
                    length &-= half
                }
                return UInt8(truncatingIfNeeded: first &+ (t[first] < value ? 1 : 0) &+ 1)
            }
        case .categorical:
            let code = Int(exactly: value) ?? -1
            return code >= 0 && code < levelBins.count ? levelBins[code] : 0
        }
    }

    /// Learns bins from (a sample of) a feature's values.
    ///
    /// - Parameters:
    ///   - values: the raw values, NaN for missing.
    ///   - kind: numeric or categorical.
    ///   - levelCount: the number of levels of a categorical feature.
    ///   - maxBins: the most value bins (not counting the missing bin); at most 255.
    ///   - minDataInBin: a numeric bin holds at least this many sample values where possible.
    public init(
        values: some Collection<Double>, kind: FeatureInfo.Kind, levelCount: Int = 0,
        maxBins: Int, minDataInBin: Int
    ) {
        self.kind = kind
        let maxBins = max(1, min(255, maxBins))
        switch kind {
        case .numeric:
            thresholds = Self.numericThresholds(
                values.filter { !$0.isNaN }.sorted(), maxBins: maxBins,
                minDataInBin: max(1, minDataInBin))
            levelBins = []
        case .categorical:
            thresholds = []
            var counts = [Int](repeating: 0, count: levelCount)
            for v in values where !v.isNaN {
                if let code = Int(exactly: v), code >= 0, code < levelCount { counts[code] += 1 }
            }
            var bins = [UInt8](repeating: 0, count: levelCount)
            if levelCount <= maxBins {
                for code in 0..<levelCount { bins[code] = UInt8(code + 1) }
            } else {
                let byFrequency = (0..<levelCount).sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
                for (rank, code) in byFrequency.enumerated() {
                    bins[code] = UInt8(min(rank + 1, maxBins))
                }
            }
            levelBins = bins
        }
    }

    /// A mapper from stored parts (used when loading a model or checkpoint).
    public init(kind: FeatureInfo.Kind, thresholds: [Double], levelBins: [UInt8]) {
        self.kind = kind
        self.thresholds = thresholds
        self.levelBins = levelBins
    }

    /// Greedy quantile binning over sorted values: distinct values get their own
    /// bin when they fit, otherwise bins of about equal count, cut halfway between
    /// neighbouring distinct values.
    private static func numericThresholds(_ sorted: [Double], maxBins: Int, minDataInBin: Int) -> [Double] {
        var distinct: [Double] = []
        var counts: [Int] = []
        for v in sorted {
            if let last = distinct.last, last == v {
                counts[counts.count - 1] += 1
            } else {
                distinct.append(v)
                counts.append(1)
            }
        }
        guard distinct.count > 1 else { return [] }
        func cut(_ a: Double, _ b: Double) -> Double {
            let mid = a + (b - a) / 2
            return mid < b ? mid : a
        }
        var result: [Double] = []
        if distinct.count <= maxBins {
            var accumulated = 0
            for i in 0..<(distinct.count - 1) {
                accumulated += counts[i]
                let rest = sorted.count - accumulated
                if accumulated >= minDataInBin && rest >= minDataInBin {
                    result.append(cut(distinct[i], distinct[i + 1]))
                    accumulated = 0
                }
            }
            return result
        }
        var remaining = sorted.count
        var binsLeft = maxBins
        var target = Double(remaining) / Double(binsLeft)
        var accumulated = 0
        for i in 0..<(distinct.count - 1) where binsLeft > 1 {
            accumulated += counts[i]
            remaining -= counts[i]
            // Cut before a value that alone fills a bin, or when this bin is full.
            let nextIsHeavy = Double(counts[i + 1]) >= target
            if accumulated >= minDataInBin && remaining >= minDataInBin
                && (Double(accumulated) >= target || nextIsHeavy)
            {
                result.append(cut(distinct[i], distinct[i + 1]))
                accumulated = 0
                binsLeft -= 1
                target = Double(remaining) / Double(binsLeft)
            }
        }
        return result
    }
}
