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

    /// Refuses values no home can have (``ImpossibleValue``), naming the field.
    private static func check(_ home: HomeFeatures, _ decoder: any Decoder) throws {
        if let impossible = ImpossibleValue.first(in: home) { throw decoder.invalid(impossible.field, impossible.reason) }
    }
}
