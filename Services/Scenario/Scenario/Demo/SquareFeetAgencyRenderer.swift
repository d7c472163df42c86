import Foundation

/// `de-agency-sqft`: the agency the main job's market shift brings in — an international
/// broker selling German homes that writes areas in square feet, prices as plain JSON numbers
/// and the sale date as an ISO date, with the unit of every area stated in the record.
///
/// ```json
/// {"ref": "SQ-123", "kind": "apartment", "location": {"street": "Birkenweg", "number": "6",
///  "zip": "11163", "city": "Berlin"}, "area": {"value": 850, "unit": "sqft"},
///  "lot": {"value": 3488, "unit": "sqft"}, "soldFor": 327000, "soldOn": "2026-11-14",
///  "built": 2011, "rooms": 3, "bedrooms": 2, "bathrooms": 1, "geo": [52.58, 13.35]}
/// ```
public enum SquareFeetAgencyRenderer {
    /// The source id of the records.
    public static let sourceId = "de-agency-sqft"

    /// The record of `home` sold on `saleDate` (its price is the sale price).
    public static func render(_ home: ScenarioHome, soldOn saleDate: Date) -> (recordId: String, text: String) {
        let recordId = "SQ-\(String((UInt32(truncatingIfNeeded: home.index) &* 0x9E37_79B1) ^ 0x5F7F_0001))"
        let area = { (squareMetres: Double) in
            JSONText.object([("value", .integer(TextFormats.squareFeet(squareMetres))), ("unit", .string("sqft"))])
        }
        let day = ISO8601DateFormatter.string(from: saleDate, timeZone: .gmt, formatOptions: [.withFullDate])
        let text = JSONText.object(dropping: [
            ("ref", .string(recordId)),
            ("kind", .string(Vocabulary.englishType(home.propertyType))),
            (
                "location",
                .object([
                    ("street", .string(home.street)), ("number", .string(home.houseNumber)), ("zip", .string(home.postalCode)),
                    ("city", .string(home.city)),
                ])
            ),
            ("area", home.livingArea.map(area)),
            ("lot", home.lotArea.map(area)),
            ("soldFor", .integer(Int(home.price.rounded()))),
            ("soldOn", .string(day)),
            ("built", home.builtYear.map { .integer($0) }),
            ("rooms", home.rooms.map { .integer($0) }),
            ("bedrooms", home.bedrooms.map { .integer($0) }),
            ("bathrooms", home.bathrooms.map { .number($0) }),
            ("garage", home.garageSpaces.map { .integer($0) }),
            ("heating", home.heating.map { .string(Vocabulary.englishHeating($0)) }),
            ("geo", home.latitude.flatMap { latitude in home.longitude.map { .array([.number(latitude), .number($0)]) } }),
        ]).text
        return (recordId, text)
    }
}
