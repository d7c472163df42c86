/// A WGS 84 position.
public struct Coordinates: Codable, Sendable, Equatable {
    /// Degrees north of the equator, -90 to 90.
    public var latitude: Double

    /// Degrees east of Greenwich, -180 to 180.
    public var longitude: Double

    /// Creates a position.
    ///
    /// - Parameters:
    ///   - latitude: Degrees north of the equator.
    ///   - longitude: Degrees east of Greenwich.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
