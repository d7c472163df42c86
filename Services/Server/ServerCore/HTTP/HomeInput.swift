import Foundation
import ModelRegistry
import Schema

/// One home in a prediction request: canonical features, or a raw record of a known source
/// (`{"source": "de-agency-nested", "record": {...}}`).
enum HomeInput: Decodable, Sendable {
    /// Canonical features, checked for impossible values.
    case canonical(HomeFeatures)
    /// A raw record: the source id and the record's text (JSON for a JSON record).
    case raw(source: String, payload: String)

    /// The fields of ``Schema/HomeFeatures``.
    static let canonicalFields: Set = [
        "region", "propertyType", "city", "postalCode", "coordinates", "livingArea", "lotArea", "rooms", "bedrooms", "bathrooms",
        "garageSpaces", "builtYear", "builtMonth", "heating", "cooling", "extra",
    ]

    private enum RawKeys: String, CodingKey { case source, record }

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyKey.self)
        if keys.contains(AnyKey("source")) || keys.contains(AnyKey("record")) {
            try decoder.rejectUnknownFields(allowed: ["source", "record"])
            let container = try decoder.container(keyedBy: RawKeys.self)
            let source = try container.decode(String.self, forKey: .source)
            let record = try container.decode(JSONValue.self, forKey: .record)
            switch record {
            case .string(let text):
                self = .raw(source: source, payload: text)
            case .object:
                let data = try JSONEncoder().encode(record)
                self = .raw(source: source, payload: String(decoding: data, as: UTF8.self))
            default:
                throw decoder.invalid("record", "a record is a JSON object, or the record's text for CSV and XML sources")
            }
            return
        }
        try decoder.rejectUnknownFields(allowed: Self.canonicalFields)
        if keys.contains(AnyKey("coordinates")), try !keys.decodeNil(forKey: AnyKey("coordinates")) {
            try keys.superDecoder(forKey: AnyKey("coordinates")).rejectUnknownFields(allowed: ["latitude", "longitude"])
        }
        let features = try HomeFeatures(from: decoder)
        try Self.check(features, decoder)
        self = .canonical(features)
    }

    /// Refuses values no home can have (the feature steps would silently drop them).
    private static func check(_ home: HomeFeatures, _ decoder: any Decoder) throws {
        func positive(_ value: Double?, _ key: String) throws {
            if let value, !(value > 0) { throw decoder.invalid(key, "must be greater than 0, found \(value)") }
        }
        func count<Number: Comparable & Numeric>(_ value: Number?, _ key: String) throws {
            if let value, value < .zero { throw decoder.invalid(key, "must not be negative, found \(value)") }
        }
        guard home.region.count == 2, home.region.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw decoder.invalid("region", "an ISO 3166-1 alpha-2 code in upper case is required, found '\(home.region)'")
        }
        try positive(home.livingArea, "livingArea")
        try positive(home.lotArea, "lotArea")
        try count(home.bathrooms, "bathrooms")
        try count(home.rooms, "rooms")
        try count(home.bedrooms, "bedrooms")
        try count(home.garageSpaces, "garageSpaces")
        if let month = home.builtMonth, !(1...12).contains(month) {
            throw decoder.invalid("builtMonth", "must lie in 1...12, found \(month)")
        }
        if let year = home.builtYear, !(1000...3000).contains(year) { throw decoder.invalid("builtYear", "is no plausible year: \(year)") }
        if let position = home.coordinates {
            guard (-90...90).contains(position.latitude) else { throw decoder.invalid("coordinates", "the latitude must lie in -90...90") }
            guard (-180...180).contains(position.longitude) else {
                throw decoder.invalid("coordinates", "the longitude must lie in -180...180")
            }
        }
    }
}
