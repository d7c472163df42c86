import Foundation
import Schema

extension ScenarioHome {
    /// The fixed time stamped on ground-truth homes, so the file is reproducible.
    static let groundTruthTime = Date(timeIntervalSince1970: 1_700_000_000)

    /// This home in the canonical form the normalizer should produce from its records.
    public var canonical: Home {
        Home(
            id: id,
            region: region.rawValue,
            propertyType: propertyType,
            address: Address(
                street: street,
                houseNumber: houseNumber,
                city: city,
                state: state,
                postalCode: postalCode,
                country: region.rawValue
            ),
            coordinates: latitude.flatMap { latitude in
                longitude.map { Coordinates(latitude: latitude, longitude: $0) }
            },
            price: Money(amount: price, currency: currency),
            priceKind: .sold,
            livingArea: livingArea,
            lotArea: lotArea,
            rooms: rooms.map(Double.init),
            bedrooms: bedrooms,
            bathrooms: bathrooms,
            garageSpaces: garageSpaces,
            builtYear: builtYear,
            builtMonth: builtMonth,
            heating: heating.map(Self.canonicalTerm),
            cooling: cooling.map(Self.canonicalTerm),
            normalizedAt: Self.groundTruthTime
        )
    }

    /// The canonical vocabulary term of the scenario's own name for a heating or cooling system
    /// (the scenario says `central` and `district` where the canonical terms are `centralAir`
    /// and `districtHeating`).
    static func canonicalTerm(_ scenarioTerm: String) -> String {
        switch scenarioTerm {
        case "central": "centralAir"
        case "district": "districtHeating"
        default: scenarioTerm
        }
    }
}
