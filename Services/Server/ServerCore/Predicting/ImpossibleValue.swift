import Schema

/// A value no home can have, in canonical features a client sent: the feature steps would
/// silently drop it and price the home without it, so both the HTTP and the Kafka path refuse
/// it, naming the field.
struct ImpossibleValue: Sendable, Equatable {
    /// The field of ``Schema/HomeFeatures``, for example `livingArea` or `coordinates`.
    var field: String
    /// Why, with the value found.
    var reason: String

    /// The first impossible value of `home`, or `nil` when every value can be a home's.
    static func first(in home: HomeFeatures) -> ImpossibleValue? {
        guard home.region.count == 2, home.region.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            return ImpossibleValue(field: "region", reason: "an ISO 3166-1 alpha-2 code in upper case is required, found '\(home.region)'")
        }
        for (field, value) in [("livingArea", home.livingArea), ("lotArea", home.lotArea)] {
            if let value, !(value > 0) { return ImpossibleValue(field: field, reason: "must be greater than 0, found \(value)") }
        }
        let counts: [(String, Double?)] = [
            ("bathrooms", home.bathrooms), ("rooms", home.rooms), ("bedrooms", home.bedrooms.map(Double.init)),
            ("garageSpaces", home.garageSpaces.map(Double.init)),
        ]
        for (field, value) in counts {
            if let value, !(value >= 0) { return ImpossibleValue(field: field, reason: "must not be negative, found \(value)") }
        }
        if let month = home.builtMonth, !(1...12).contains(month) {
            return ImpossibleValue(field: "builtMonth", reason: "must lie in 1...12, found \(month)")
        }
        if let year = home.builtYear, !(1000...3000).contains(year) {
            return ImpossibleValue(field: "builtYear", reason: "is no plausible year: \(year)")
        }
        if let position = home.coordinates {
            guard (-90...90).contains(position.latitude) else {
                return ImpossibleValue(field: "coordinates", reason: "the latitude must lie in -90...90")
            }
            guard (-180...180).contains(position.longitude) else {
                return ImpossibleValue(field: "coordinates", reason: "the longitude must lie in -180...180")
            }
        }
        return nil
    }
}
