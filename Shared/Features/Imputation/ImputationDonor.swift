/// One training home kept as a neighbour for imputation: its distance features, its group and
/// the target values it has.
public struct ImputationDonor: Codable, Sendable, Equatable {
    /// The values of ``ImputationSettings/distanceFeatures`` in order, nil when missing.
    public var distanceValues: [Double?]
    /// The value of ``ImputationSettings/groupFeature``, if any.
    public var group: String?
    /// The numeric targets it has.
    public var numeric: [String: Double]
    /// The categorical targets it has.
    public var categorical: [String: String]

    /// Creates a donor.
    ///
    /// - Parameters:
    ///   - distanceValues: The distance features in order, nil when missing.
    ///   - group: The group value.
    ///   - numeric: The numeric targets it has.
    ///   - categorical: The categorical targets it has.
    public init(distanceValues: [Double?], group: String?, numeric: [String: Double], categorical: [String: String]) {
        self.distanceValues = distanceValues
        self.group = group
        self.numeric = numeric
        self.categorical = categorical
    }
}
