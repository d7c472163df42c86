/// What the feature code needs to know about one market region.
public struct RegionFeatureSettings: Codable, Sendable, Equatable {
    /// The ISO 4217 currency of the region's prices; a sale in another currency is not a label.
    public var currency: String
    /// How many leading characters of the postal code make the `postalPrefix` category.
    public var postalPrefixLength: Int
    /// The plausible sale prices per square metre of living area, in ``currency``; a label
    /// outside is set aside.
    public var pricePerSquareMetre: ClosedRange<Double>

    /// Creates a region's settings.
    ///
    /// - Parameters:
    ///   - currency: The region's ISO 4217 currency.
    ///   - postalPrefixLength: The number of postal-code characters kept.
    ///   - pricePerSquareMetre: The plausible sale prices per square metre.
    public init(currency: String, postalPrefixLength: Int, pricePerSquareMetre: ClosedRange<Double>) {
        self.currency = currency
        self.postalPrefixLength = postalPrefixLength
        self.pricePerSquareMetre = pricePerSquareMetre
    }
}
