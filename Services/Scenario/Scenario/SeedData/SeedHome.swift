import Schema

/// The attributes of one real home from a seed data set, before it gets an address.
struct SeedHome: Sendable, Equatable {
    var region: ScenarioRegion
    var market: SeedMarket
    var propertyType: PropertyType
    var latitude: Double?
    var longitude: Double?
    var price: Double
    var livingArea: Double?
    var lotArea: Double?
    var rooms: Int?
    var bedrooms: Int?
    var bathrooms: Double?
    var garageSpaces: Int?
    var builtYear: Int?
    var heating: String?
    var cooling: String?
}
