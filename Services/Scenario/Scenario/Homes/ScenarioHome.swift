import Schema

/// A home as it truly is: the ground truth every source's record of it is derived from.
///
/// Areas are in square metres and prices in the region's currency; attributes a seed data
/// set does not know (a Windsor home's living area, for example) are `nil` here too.
public struct ScenarioHome: Codable, Sendable, Equatable {
    /// The stable home id, `home-<index>`; it names the duplicate cluster.
    public var id: String
    /// The 0-based position of the home in the generated sequence.
    public var index: Int
    /// The market region.
    public var region: ScenarioRegion
    /// The kind of building.
    public var propertyType: PropertyType
    /// The street name without house number.
    public var street: String
    /// The house number as written.
    public var houseNumber: String
    /// The city.
    public var city: String
    /// The state, province or federal state.
    public var state: String
    /// The postal code.
    public var postalCode: String
    /// Latitude in degrees, when known.
    public var latitude: Double?
    /// Longitude in degrees, when known.
    public var longitude: Double?
    /// The sale price in the region's currency.
    public var price: Double
    /// The living area in square metres.
    public var livingArea: Double?
    /// The lot area in square metres.
    public var lotArea: Double?
    /// The number of rooms.
    public var rooms: Int?
    /// The number of bedrooms.
    public var bedrooms: Int?
    /// The number of bathrooms (a half bath counts 0.5).
    public var bathrooms: Double?
    /// Garage spaces.
    public var garageSpaces: Int?
    /// The year the home was built.
    public var builtYear: Int?
    /// The month (1–12) it was built.
    public var builtMonth: Int?
    /// The canonical heating term (`gas`, `electric`, `oil`, `district`, `heatPump`, `hotWater`).
    public var heating: String?
    /// The canonical cooling term (`central` or `none`).
    public var cooling: String?

    /// The ISO 4217 currency of ``price``.
    public var currency: String { region.currency }

    /// Creates a home; see the properties for the meaning and units of each value.
    public init(
        id: String, index: Int, region: ScenarioRegion, propertyType: PropertyType, street: String,
        houseNumber: String, city: String, state: String, postalCode: String, latitude: Double? = nil,
        longitude: Double? = nil, price: Double, livingArea: Double? = nil, lotArea: Double? = nil,
        rooms: Int? = nil, bedrooms: Int? = nil, bathrooms: Double? = nil, garageSpaces: Int? = nil,
        builtYear: Int? = nil, builtMonth: Int? = nil, heating: String? = nil, cooling: String? = nil
    ) {
        self.id = id
        self.index = index
        self.region = region
        self.propertyType = propertyType
        self.street = street
        self.houseNumber = houseNumber
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.latitude = latitude
        self.longitude = longitude
        self.price = price
        self.livingArea = livingArea
        self.lotArea = lotArea
        self.rooms = rooms
        self.bedrooms = bedrooms
        self.bathrooms = bathrooms
        self.garageSpaces = garageSpaces
        self.builtYear = builtYear
        self.builtMonth = builtMonth
        self.heating = heating
        self.cooling = cooling
    }
}
