/// How much each part of two records counts towards their similarity.
public struct SimilarityWeights: Sendable, Equatable {
    /// Same postal code (or city, without one).
    public var postalCode: Double
    /// Similar street name.
    public var street: Double
    /// Same house number.
    public var houseNumber: Double
    /// Same unit (both without one counts as the same).
    public var unit: Double
    /// Agreeing attributes (year built, rooms, areas, …) among those both records give.
    public var attributes: Double

    /// Creates weights.
    public init(postalCode: Double, street: Double, houseNumber: Double, unit: Double, attributes: Double) {
        self.postalCode = postalCode
        self.street = street
        self.houseNumber = houseNumber
        self.unit = unit
        self.attributes = attributes
    }
}
