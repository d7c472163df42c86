/// A way of cutting validation rows into segments, for example by property type; the segment
/// values are the labels of the rows.
public struct SegmentKind: RawRepresentable, Codable, CodingKeyRepresentable, Sendable, Hashable, Comparable {
    /// The kind's name, stable in model cards.
    public var rawValue: String

    /// Creates a kind from its name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Every row together, with the single value ``overallValue``.
    public static let overall = SegmentKind(rawValue: "overall")
    /// The home's property type.
    public static let propertyType = SegmentKind(rawValue: "propertyType")
    /// The band of the actual price, cut at quantiles of the validation rows' actual prices.
    public static let priceBand = SegmentKind(rawValue: "priceBand")
    /// The home's city.
    public static let city = SegmentKind(rawValue: "city")

    /// The value of the ``overall`` segment.
    public static let overallValue = "all"

    /// Orders kinds by name.
    public static func < (lhs: SegmentKind, rhs: SegmentKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
