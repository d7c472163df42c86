/// Hyperparameters of gradient-boosted tree training.
///
/// Decoded from JSON (see `configs/model/gbm.json`); a key left out keeps the
/// default shown here, an unknown key is an error. ``validate()`` checks ranges.
public struct GBMConfig: Codable, Sendable, Equatable {
    /// `squared_error`, `huber` or `quantile`.
    public var loss = "squared_error"
    /// Transition point of the Huber loss.
    public var huberDelta = 1.0
    /// Quantile of the quantile loss, in (0, 1).
    public var quantileAlpha = 0.5
    /// Boosting rounds (one tree each).
    public var rounds = 100
    /// Shrinkage applied to every tree.
    public var learningRate = 0.1
    /// Most leaves per tree (leaf-wise growth).
    public var numLeaves = 31
    /// Most levels of splits below the root; 0 or less means no limit.
    public var maxDepth = 0
    /// Fewest training rows in a leaf.
    public var minDataInLeaf = 20
    /// Smallest sum of hessians in a leaf.
    public var minSumHessianInLeaf = 1e-3
    /// L1 regularisation of leaf values.
    public var lambdaL1 = 0.0
    /// L2 regularisation of leaf values.
    public var lambdaL2 = 0.0
    /// Smallest gain for a split to be made.
    public var minGainToSplit = 0.0
    /// Fraction of rows sampled (without replacement) for a tree; 1 disables row sampling.
    public var baggingFraction = 1.0
    /// Resample rows every this many rounds; 0 disables row sampling.
    public var baggingFrequency = 0
    /// Fraction of features sampled per tree.
    public var featureFraction = 1.0
    /// Fraction of the tree's features sampled again at each node.
    public var featureFractionByNode = 1.0
    /// Most value bins per feature (at most 255; bin 0 is reserved for missing values).
    public var maxBins = 255
    /// Fewest sample values per numeric bin.
    public var minDataInBin = 3
    /// Rows sampled to find bin edges.
    public var binSampleRows = 200_000
    /// Categorical features with at most this many present levels are split one level against the rest.
    public var maxCategoriesOneHot = 4
    /// Added to the hessian when sorting levels by gradient/hessian.
    public var categoricalSmoothing = 10.0
    /// Extra L2 regularisation for categorical splits.
    public var categoricalL2 = 10.0
    /// Most levels on the smaller side of a categorical split.
    public var maxCategoryThreshold = 32
    /// Fewest rows of a level for it to be sorted into a categorical split.
    public var minDataPerCategory = 100
    /// Per feature name: +1 (non-decreasing), -1 (non-increasing); numeric features only.
    public var monotoneConstraints: [String: Int] = [:]
    /// Stop when the validation metric has not improved for this many rounds; 0 disables.
    public var earlyStoppingRounds = 0
    /// Rounds between training callbacks (checkpoints and metrics).
    public var epochRounds = 10
    /// Seed of every random choice; training is deterministic for a seed.
    public var seed: UInt64 = 42

    public init() {}

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case loss, huberDelta, quantileAlpha, rounds, learningRate, numLeaves, maxDepth, minDataInLeaf
        case minSumHessianInLeaf, lambdaL1, lambdaL2, minGainToSplit, baggingFraction, baggingFrequency
        case featureFraction, featureFractionByNode, maxBins, minDataInBin, binSampleRows, maxCategoriesOneHot
        case categoricalSmoothing, categoricalL2, maxCategoryThreshold, minDataPerCategory, monotoneConstraints
        case earlyStoppingRounds, epochRounds, seed
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.stringValue), in: "GBMConfig")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let decoded = try c.decodeIfPresent(T.self, forKey: key) { value = decoded }
        }
        try read(.loss, &loss)
        try read(.huberDelta, &huberDelta)
        try read(.quantileAlpha, &quantileAlpha)
        try read(.rounds, &rounds)
        try read(.learningRate, &learningRate)
        try read(.numLeaves, &numLeaves)
        try read(.maxDepth, &maxDepth)
        try read(.minDataInLeaf, &minDataInLeaf)
        try read(.minSumHessianInLeaf, &minSumHessianInLeaf)
        try read(.lambdaL1, &lambdaL1)
        try read(.lambdaL2, &lambdaL2)
        try read(.minGainToSplit, &minGainToSplit)
        try read(.baggingFraction, &baggingFraction)
        try read(.baggingFrequency, &baggingFrequency)
        try read(.featureFraction, &featureFraction)
        try read(.featureFractionByNode, &featureFractionByNode)
        try read(.maxBins, &maxBins)
        try read(.minDataInBin, &minDataInBin)
        try read(.binSampleRows, &binSampleRows)
        try read(.maxCategoriesOneHot, &maxCategoriesOneHot)
        try read(.categoricalSmoothing, &categoricalSmoothing)
        try read(.categoricalL2, &categoricalL2)
        try read(.maxCategoryThreshold, &maxCategoryThreshold)
        try read(.minDataPerCategory, &minDataPerCategory)
        try read(.monotoneConstraints, &monotoneConstraints)
        try read(.earlyStoppingRounds, &earlyStoppingRounds)
        try read(.epochRounds, &epochRounds)
        try read(.seed, &seed)
    }

    /// The loss named by ``loss``.
    public func lossFunction() throws(MLError) -> Loss {
        switch loss {
        case "squared_error": return .squaredError
        case "huber": return .huber(delta: huberDelta)
        case "quantile": return .quantile(alpha: quantileAlpha)
        default: throw MLError(.invalidConfiguration, "unknown loss", input: .init(column: "loss", value: loss))
        }
    }

    /// Throws a typed error naming the first setting out of range.
    public func validate() throws(MLError) {
        func check(_ ok: Bool, _ key: String, _ value: Any) throws(MLError) {
            if !ok { throw MLError(.invalidConfiguration, "setting out of range", input: .init(column: key, value: "\(value)")) }
        }
        _ = try lossFunction()
        try check(huberDelta > 0, "huberDelta", huberDelta)
        try check(quantileAlpha > 0 && quantileAlpha < 1, "quantileAlpha", quantileAlpha)
        try check(rounds >= 0, "rounds", rounds)
        try check(learningRate > 0, "learningRate", learningRate)
        try check(numLeaves >= 2, "numLeaves", numLeaves)
        try check(minDataInLeaf >= 1, "minDataInLeaf", minDataInLeaf)
        try check(minSumHessianInLeaf >= 0, "minSumHessianInLeaf", minSumHessianInLeaf)
        try check(lambdaL1 >= 0, "lambdaL1", lambdaL1)
        try check(lambdaL2 >= 0, "lambdaL2", lambdaL2)
        try check(minGainToSplit >= 0, "minGainToSplit", minGainToSplit)
        try check(baggingFraction > 0 && baggingFraction <= 1, "baggingFraction", baggingFraction)
        try check(baggingFrequency >= 0, "baggingFrequency", baggingFrequency)
        try check(featureFraction > 0 && featureFraction <= 1, "featureFraction", featureFraction)
        try check(featureFractionByNode > 0 && featureFractionByNode <= 1, "featureFractionByNode", featureFractionByNode)
        try check(maxBins >= 2 && maxBins <= 255, "maxBins", maxBins)
        try check(minDataInBin >= 1, "minDataInBin", minDataInBin)
        try check(binSampleRows >= 1, "binSampleRows", binSampleRows)
        try check(maxCategoriesOneHot >= 0, "maxCategoriesOneHot", maxCategoriesOneHot)
        try check(categoricalSmoothing >= 0, "categoricalSmoothing", categoricalSmoothing)
        try check(categoricalL2 >= 0, "categoricalL2", categoricalL2)
        try check(maxCategoryThreshold >= 1, "maxCategoryThreshold", maxCategoryThreshold)
        try check(minDataPerCategory >= 1, "minDataPerCategory", minDataPerCategory)
        try check(earlyStoppingRounds >= 0, "earlyStoppingRounds", earlyStoppingRounds)
        try check(epochRounds >= 1, "epochRounds", epochRounds)
        for (name, direction) in monotoneConstraints {
            try check(direction == 1 || direction == -1 || direction == 0, "monotoneConstraints.\(name)", direction)
        }
    }
}
