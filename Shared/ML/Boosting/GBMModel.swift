/// A trained gradient-boosted tree ensemble: everything needed to predict and to describe itself.
public struct GBMModel: Sendable {
    /// The inputs, in the order predictions expect them.
    public var features: [FeatureInfo]
    /// The bins learned on the training data (kept for resuming and for documentation).
    public var mappers: [BinMapper]
    /// The hyperparameters it was trained with.
    public var config: GBMConfig
    /// The constant the trees start from.
    public var initScore: Double
    /// The trees; leaf values include the learning rate.
    public var trees: [Tree]

    public init(features: [FeatureInfo], mappers: [BinMapper], config: GBMConfig, initScore: Double, trees: [Tree]) {
        self.features = features
        self.mappers = mappers
        self.config = config
        self.initScore = initScore
        self.trees = trees
    }

    /// Total gain of the splits on each feature, in feature order.
    public func featureImportance() -> [Double] {
        var gains = [Double](repeating: 0, count: features.count)
        for tree in trees {
            for (f, gain) in zip(tree.splitFeature, tree.splitGain) { gains[Int(f)] += gain }
        }
        return gains
    }
}
