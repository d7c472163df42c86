/// Every threshold of the feature code: cleaning bounds, outlier quantiles, the rare-level
/// count and the per-region settings.
///
/// Read from configuration with ``init(reader:)`` (keys under `features.`). The fitted
/// parameters keep the settings they were fitted with (``FittedFeatureParameters/settings``),
/// and the serving path extracts with those, so a model always sees its training features.
public struct FeatureSettings: Codable, Sendable, Equatable {
    /// The limits of possible values.
    public var cleaning: CleaningBounds
    /// The quantile of the training values below which a numeric value is clipped.
    public var lowerOutlierQuantile: Double
    /// The quantile of the training values above which a numeric value is clipped.
    public var upperOutlierQuantile: Double
    /// Category levels seen fewer times in training fold into ``FittedFeatureParameters/otherLevel``.
    public var minLevelCount: Int
    /// The settings of each known region, by upper-case ISO 3166-1 alpha-2 code.
    public var regions: [String: RegionFeatureSettings]

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - cleaning: The limits of possible values.
    ///   - lowerOutlierQuantile: The lower clipping quantile.
    ///   - upperOutlierQuantile: The upper clipping quantile.
    ///   - minLevelCount: The fewest training rows a category level needs to keep its own level.
    ///   - regions: The settings of each region, by code.
    public init(
        cleaning: CleaningBounds,
        lowerOutlierQuantile: Double,
        upperOutlierQuantile: Double,
        minLevelCount: Int,
        regions: [String: RegionFeatureSettings]
    ) {
        self.cleaning = cleaning
        self.lowerOutlierQuantile = lowerOutlierQuantile
        self.upperOutlierQuantile = upperOutlierQuantile
        self.minLevelCount = minLevelCount
        self.regions = regions
    }

    /// The settings of `region` (compared in upper case, surrounding spaces ignored), if known.
    public func region(_ region: String) -> RegionFeatureSettings? {
        regions[RegionCode.normalized(region)]
    }
}
