/// The limits beyond which a home's value is impossible and becomes missing.
///
/// They come from configuration (`features.cleaning.*`), never from code; the cleaner adds only
/// what holds by definition (a count is not negative, a month is 1–12, a latitude is ±90°).
public struct CleaningBounds: Codable, Sendable, Equatable {
    /// The smallest possible living area, square metres.
    public var minLivingArea: Double
    /// The largest possible living area, square metres.
    public var maxLivingArea: Double
    /// The smallest possible lot area, square metres.
    public var minLotArea: Double
    /// The largest possible lot area, square metres.
    public var maxLotArea: Double
    /// The most rooms a home can have.
    public var maxRooms: Int
    /// The most bedrooms a home can have.
    public var maxBedrooms: Int
    /// The most bathrooms a home can have.
    public var maxBathrooms: Double
    /// The most garage spaces a home can have.
    public var maxGarageSpaces: Int
    /// The earliest possible construction year.
    public var minBuiltYear: Int
    /// How many years after the observation year a construction year may lie (homes sold
    /// before completion).
    public var maxBuiltYearsAhead: Int

    /// Creates cleaning bounds.
    ///
    /// - Parameters:
    ///   - minLivingArea: The smallest possible living area.
    ///   - maxLivingArea: The largest possible living area.
    ///   - minLotArea: The smallest possible lot area.
    ///   - maxLotArea: The largest possible lot area.
    ///   - maxRooms: The most rooms.
    ///   - maxBedrooms: The most bedrooms.
    ///   - maxBathrooms: The most bathrooms.
    ///   - maxGarageSpaces: The most garage spaces.
    ///   - minBuiltYear: The earliest construction year.
    ///   - maxBuiltYearsAhead: How far past the observation year a construction year may lie.
    public init(
        minLivingArea: Double,
        maxLivingArea: Double,
        minLotArea: Double,
        maxLotArea: Double,
        maxRooms: Int,
        maxBedrooms: Int,
        maxBathrooms: Double,
        maxGarageSpaces: Int,
        minBuiltYear: Int,
        maxBuiltYearsAhead: Int
    ) {
        self.minLivingArea = minLivingArea
        self.maxLivingArea = maxLivingArea
        self.minLotArea = minLotArea
        self.maxLotArea = maxLotArea
        self.maxRooms = maxRooms
        self.maxBedrooms = maxBedrooms
        self.maxBathrooms = maxBathrooms
        self.maxGarageSpaces = maxGarageSpaces
        self.minBuiltYear = minBuiltYear
        self.maxBuiltYearsAhead = maxBuiltYearsAhead
    }
}
