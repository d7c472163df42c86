import Foundation
import Schema

/// The seed scenario's home in Springfield, Illinois, listed twice (NormalizerCoreTests'
/// `SeedScenario`): a nested agency feed says `130 m2`, a flat one `1200 sqft`. The normalizer
/// publishes it once per listing it reads: when the nested listing comes first, both versions
/// carry one home id, first the nested listing alone, then the merged home. (In the other
/// order the flat listing's home gets an id of its own, which the merged home retires in the
/// warehouse only: `homes.normalized` does not say so yet.)
enum SeedHome {
    static let id = "home-8d21c6f4a0e93b57"
    static let fetchedFlat = Date(timeIntervalSince1970: 1_714_000_000)
    static let fetchedNested = Date(timeIntervalSince1970: 1_714_100_000)

    /// The home as the nested listing alone describes it: no type, no price kind.
    static let nestedOnly = Home(
        id: id, region: "US",
        address: Address(street: "Main St", houseNumber: "123", city: "Springfield", state: "IL", postalCode: "62704", country: "US"),
        price: Money(amount: 250_000, currency: "USD"), priceInUSD: 250_000, livingArea: 130, rooms: 7, bedrooms: 3, bathrooms: 2,
        garageSpaces: 2, builtYear: 1990, builtMonth: 5, heating: "gas", cooling: "centralAir",
        provenance: ["livingArea", "rooms", "price"].reduce(into: [:]) { provenance, field in
            provenance[field] = [nested(field)]
        },
        normalizedAt: Date(timeIntervalSince1970: 1_714_200_000))

    /// The home merged from both listings: the flat one adds the type and the asking price kind;
    /// the areas disagree and the trusted nested feed's 130 m² wins.
    static let merged: Home = {
        var home = nestedOnly
        home.propertyType = .house
        home.priceKind = .asking
        home.provenance = ["livingArea", "rooms", "price"].reduce(into: [:]) { provenance, field in
            provenance[field] = [nested(field), flat(field)]
        }
        home.conflicts = [FieldConflict(field: "livingArea", resolution: .sourcePriority)]
        home.normalizedAt = Date(timeIntervalSince1970: 1_714_200_600)
        return home
    }()

    private static func nested(_ field: String) -> ProvenanceEntry {
        let values = ["livingArea": "130 m2", "rooms": "7", "price": "250000"]
        return ProvenanceEntry(
            sourceId: "us-agency-feed", recordId: "A-77", value: values[field] ?? "", fetchedAt: fetchedNested, chosen: true)
    }

    private static func flat(_ field: String) -> ProvenanceEntry {
        let values = ["livingArea": "1200 sqft", "rooms": "7", "price": "$250,000"]
        return ProvenanceEntry(
            sourceId: "us-agency-flat", recordId: "L-1", value: values[field] ?? "", fetchedAt: fetchedFlat, chosen: false)
    }
}
