/// The entity-resolution settings of `configs/normalizer.yaml` (`normalizer.resolution`).
///
/// A pair of records scoring at least ``mergeThreshold`` is the same home; between
/// ``reviewThreshold`` and ``mergeThreshold`` a human decides; below, they are different homes.
public struct ResolutionSettings: Sendable, Equatable {
    /// The score from which two records are merged.
    public var mergeThreshold: Double
    /// The score from which an unmerged pair is sent to review.
    public var reviewThreshold: Double
    /// The weights of the similarity's parts: `postalCode`, `street`, `houseNumber`, `unit`
    /// and `attributes`.
    public var weights: SimilarityWeights
    /// Areas and prices within this fraction of each other count as agreeing attributes.
    public var attributeTolerance: Double

    /// Creates settings.
    public init(mergeThreshold: Double, reviewThreshold: Double, weights: SimilarityWeights, attributeTolerance: Double) {
        self.mergeThreshold = mergeThreshold
        self.reviewThreshold = reviewThreshold
        self.weights = weights
        self.attributeTolerance = attributeTolerance
    }
}
