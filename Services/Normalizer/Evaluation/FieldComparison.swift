import Foundation
import NormalizerCore
import Schema

/// The canonical fields scored against the ground truth, and when a normalized value counts as
/// the true one.
///
/// Tolerances follow how the scenario writes values, not how lenient we would like to be:
/// - price: listings and agencies show an asking price 0–6 % above the sale price the truth
///   holds, so a price within 6.5 % in the true currency is right;
/// - living area: sources round to whole square feet or 0.1 m², within 1 % is right;
/// - lot area: acres are written with two decimals (±0.005 acre ≈ 20 m²), so within 1 % or
///   21 m² is right;
/// - coordinates: within 1e-4° (about 10 m; sources round to 6 decimals);
/// - addresses: compared case-insensitively, the state as the region's subdivision code.
public enum FieldComparison {
    /// The fields scored, in report order.
    public static let fields = [
        "address.street", "address.houseNumber", "address.city", "address.state", "address.postalCode", "price",
        "propertyType", "livingArea", "lotArea", "rooms", "bedrooms", "bathrooms", "garageSpaces", "builtYear",
        "builtMonth", "heating", "cooling", "coordinates",
    ]

    /// Scores `home` against `truth` into `scores` (one per field of ``fields``).
    public static func score(_ home: Home, against truth: Home, into scores: inout [String: FieldScore]) {
        for field in fields {
            guard let expected = value(field, of: truth, normalizing: true) else { continue }
            scores[field, default: FieldScore(field: field)].expected += 1
            guard let produced = value(field, of: home, normalizing: false) else { continue }
            scores[field, default: FieldScore(field: field)].produced += 1
            if matches(field, produced, expected) {
                scores[field, default: FieldScore(field: field)].correct += 1
            }
        }
    }

    private enum Value {
        case text(String)
        case number(Double)
        case money(Double, String)
        case point(Double, Double)
    }

    private static func value(_ field: String, of home: Home, normalizing isTruth: Bool) -> Value? {
        let address = home.address
        switch field {
        case "address.street": return address.street.map { .text($0.lowercased()) }
        case "address.houseNumber": return address.houseNumber.map { .text($0.lowercased()) }
        case "address.city": return .text(address.city.lowercased())
        case "address.state":
            guard let state = address.state else { return nil }
            let code = isTruth ? Country(rawValue: home.region).flatMap { $0.subdivisionCode(for: state) } ?? state : state
            return .text(code.uppercased())
        case "address.postalCode": return address.postalCode.map { .text($0.uppercased()) }
        case "price": return home.price.map { .money($0.amount, $0.currency) }
        case "propertyType": return home.propertyType.map { .text($0.rawValue) }
        case "livingArea": return home.livingArea.map { .number($0) }
        case "lotArea": return home.lotArea.map { .number($0) }
        case "rooms": return home.rooms.map { .number(Double($0)) }
        case "bedrooms": return home.bedrooms.map { .number(Double($0)) }
        case "bathrooms": return home.bathrooms.map { .number($0) }
        case "garageSpaces": return home.garageSpaces.map { .number(Double($0)) }
        case "builtYear": return home.builtYear.map { .number(Double($0)) }
        case "builtMonth": return home.builtMonth.map { .number(Double($0)) }
        case "heating": return home.heating.map { .text($0) }
        case "cooling": return home.cooling.map { .text($0) }
        case "coordinates": return home.coordinates.map { .point($0.latitude, $0.longitude) }
        default: return nil
        }
    }

    private static func matches(_ field: String, _ produced: Value, _ expected: Value) -> Bool {
        switch (produced, expected) {
        case (.text(let a), .text(let b)): return a == b
        case (.money(let amount, let currency), .money(let trueAmount, let trueCurrency)):
            return currency == trueCurrency && abs(amount - trueAmount) <= 0.065 * trueAmount
        case (.number(let a), .number(let b)):
            switch field {
            case "livingArea": return abs(a - b) <= 0.01 * b
            case "lotArea": return abs(a - b) <= max(0.01 * b, 21)
            default: return a == b
            }
        case (.point(let a, let b), .point(let c, let d)): return abs(a - c) <= 1e-4 && abs(b - d) <= 1e-4
        default: return false
        }
    }
}
