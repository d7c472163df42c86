/// The descriptive attributes of a home that a model predicts from.
///
/// Clients send these in a ``PredictionRequest``; the preprocessor derives the same value
/// from a canonical home with ``Home/features``, so training and serving run the same
/// feature code on the same input type. Areas are in square metres whatever the region.
public struct HomeFeatures: Codable, Sendable, Equatable {
    /// The market region, an ISO 3166-1 alpha-2 code such as `"US"`, `"CA"` or `"DE"`.
    public var region: String

    /// The kind of building or plot.
    public var propertyType: PropertyType?

    /// The city or municipality.
    public var city: String?

    /// The postal or ZIP code.
    public var postalCode: String?

    /// The position of the home.
    public var coordinates: Coordinates?

    /// The living area in square metres.
    public var livingArea: Double?

    /// The lot area in square metres.
    public var lotArea: Double?

    /// The number of rooms, counted as the region counts them (half rooms in Germany).
    public var rooms: Double?

    /// The number of bedrooms.
    public var bedrooms: Int?

    /// The number of bathrooms; a half bath counts 0.5.
    public var bathrooms: Double?

    /// The number of garage or covered parking spaces.
    public var garageSpaces: Int?

    /// The year the home was built.
    public var builtYear: Int?

    /// The month (1–12) the home was built, when known.
    public var builtMonth: Int?

    /// The canonical heating term, for example `"gas"`, `"heatPump"` or `"district"`.
    public var heating: String?

    /// The canonical cooling term, for example `"central"` or `"none"`.
    public var cooling: String?

    /// Further attributes by canonical name, for example `["pool": "true"]`.
    public var extra: [String: String]?

    /// Creates a set of home features.
    ///
    /// - Parameters:
    ///   - region: The market region.
    ///   - propertyType: The kind of building or plot.
    ///   - city: The city or municipality.
    ///   - postalCode: The postal or ZIP code.
    ///   - coordinates: The position of the home.
    ///   - livingArea: The living area in square metres.
    ///   - lotArea: The lot area in square metres.
    ///   - rooms: The number of rooms.
    ///   - bedrooms: The number of bedrooms.
    ///   - bathrooms: The number of bathrooms.
    ///   - garageSpaces: The number of garage spaces.
    ///   - builtYear: The year the home was built.
    ///   - builtMonth: The month the home was built.
    ///   - heating: The canonical heating term.
    ///   - cooling: The canonical cooling term.
    ///   - extra: Further attributes by canonical name.
    public init(
        region: String,
        propertyType: PropertyType? = nil,
        city: String? = nil,
        postalCode: String? = nil,
        coordinates: Coordinates? = nil,
        livingArea: Double? = nil,
        lotArea: Double? = nil,
        rooms: Double? = nil,
        bedrooms: Int? = nil,
        bathrooms: Double? = nil,
        garageSpaces: Int? = nil,
        builtYear: Int? = nil,
        builtMonth: Int? = nil,
        heating: String? = nil,
        cooling: String? = nil,
        extra: [String: String]? = nil
    ) {
        self.region = region
        self.propertyType = propertyType
        self.city = city
        self.postalCode = postalCode
        self.coordinates = coordinates
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
        self.extra = extra
    }
}
