import ML

/// The distribution of one feature (or of the predictions) over a data set, on the engine's
/// own bins, so the drift monitor compares live values with training on the very cuts the
/// trees split on.
///
/// Bin 0 holds missing values. A numeric feature with thresholds `t` has value bins
/// `1…t.count + 1`: value `v` falls in bin `1 + #{t : t < v}`. A categorical feature's level
/// `i` (its label is `levels[i]`) falls in bin `levelBins[i]`; when the engine had more levels
/// than bins, the rarest share the last bin, and an unknown level falls in bin 0 like a
/// missing one, exactly as the model sees it.
public struct FeatureReference: Codable, Sendable, Equatable {
    /// The feature's name (`"prediction"` for the prediction distribution).
    public var name: String
    /// Numeric or categorical.
    public var kind: FeatureInfo.Kind
    /// Numeric: the ascending bin upper bounds (the last value bin is unbounded).
    public var thresholds: [Double]
    /// Categorical: the label of each level code.
    public var levels: [String]
    /// Categorical: the bin of each level code.
    public var levelBins: [UInt8]
    /// The number of values in each bin; index 0 is the missing bin.
    public var counts: [Int]
    /// Each bin's share of the values (0 everywhere when there were none).
    public var proportions: [Double]

    /// Bins `values` (numbers, or level codes for a categorical feature; NaN is missing) on
    /// `mapper`, the engine's bins for `feature`.
    public init(feature: FeatureInfo, mapper: BinMapper, values: some Collection<Double>) {
        name = feature.name
        kind = mapper.kind
        thresholds = mapper.thresholds
        levels = feature.levels
        levelBins = mapper.levelBins
        var counts = [Int](repeating: 0, count: mapper.binCount)
        for value in values { counts[Int(mapper.bin(value))] += 1 }
        let total = Double(values.count)
        self.counts = counts
        proportions = counts.map { total > 0 ? Double($0) / total : 0 }
    }

    /// The distribution of predicted prices on at most `bins` quantile bins learned from the
    /// predictions themselves (the engine's numeric binning), named `"prediction"`.
    public init(predictions: [Double], bins: Int) {
        let mapper = BinMapper(values: predictions, kind: .numeric, maxBins: bins, minDataInBin: 1)
        self.init(feature: .numeric("prediction"), mapper: mapper, values: predictions)
    }

    /// The number of bins, the missing bin included.
    public var binCount: Int { counts.count }

    /// The bin of a live value: a number, or a level code for a categorical feature; NaN is
    /// missing (bin 0).
    public func bin(_ value: Double) -> Int {
        Int(mapper.bin(value))
    }

    /// The bin of a categorical feature's live label; `nil` and an unknown label fall in bin 0.
    public func bin(level: String?) -> Int {
        guard let level, let code = levels.firstIndex(of: level) else { return 0 }
        return bin(Double(code))
    }

    /// The engine's mapper, rebuilt from the stored parts: binning is never written twice.
    private var mapper: BinMapper {
        BinMapper(kind: kind, thresholds: thresholds, levelBins: levelBins)
    }
}
