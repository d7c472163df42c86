/// How the trainer imputes the inputs a home's sources do not carry: from its nearest
/// neighbours among the training homes that have the value.
///
/// Read by the trainer from configuration (`trainer.imputation.*`); the fit keeps them in
/// ``ImputationParameters/settings``, so the server imputes as the model was trained.
public struct ImputationSettings: Codable, Sendable, Equatable {
    /// The features to impute when missing: numeric ones get the median of the neighbours'
    /// values, categorical ones their most frequent value.
    public var targets: [String]
    /// The numeric features whose distance (in training standard deviations) finds the
    /// neighbours.
    public var distanceFeatures: [String]
    /// A categorical feature (for example `city`) whose homes are the neighbours when the home
    /// has it and at least ``minGroupSize`` training homes of that value have the target;
    /// empty for none.
    public var groupFeature: String
    /// How many neighbours give a value.
    public var neighbours: Int
    /// The fewest training homes with the target that a group needs to be used alone.
    public var minGroupSize: Int
    /// The squared distance added for a distance feature that one of two homes lacks.
    public var missingDistance: Double
    /// The most training homes kept as neighbours in the model (an even sample when there
    /// are more), which bounds the model file and the work per prediction.
    public var maxDonors: Int

    /// Creates imputation settings.
    ///
    /// - Parameters:
    ///   - targets: The features to impute.
    ///   - distanceFeatures: The numeric features that measure neighbourhood.
    ///   - groupFeature: The categorical feature neighbours share, or empty.
    ///   - neighbours: The neighbours per value.
    ///   - minGroupSize: The smallest usable group.
    ///   - missingDistance: The squared distance of a feature only one home has.
    ///   - maxDonors: The most training homes kept.
    public init(
        targets: [String], distanceFeatures: [String], groupFeature: String, neighbours: Int, minGroupSize: Int,
        missingDistance: Double, maxDonors: Int
    ) {
        self.targets = targets
        self.distanceFeatures = distanceFeatures
        self.groupFeature = groupFeature
        self.neighbours = neighbours
        self.minGroupSize = minGroupSize
        self.missingDistance = missingDistance
        self.maxDonors = maxDonors
    }
}
