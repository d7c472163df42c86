import Features
import Foundation
import ML
import Schema

/// Settings, dates and homes shared by the feature tests.
enum Fixtures {
    static let cleaning = CleaningBounds(
        minLivingArea: 10, maxLivingArea: 5000, minLotArea: 1, maxLotArea: 10_000_000, maxRooms: 50, maxBedrooms: 30,
        maxBathrooms: 30, maxGarageSpaces: 20, minBuiltYear: 1200, maxBuiltYearsAhead: 1)

    static let regions: [String: RegionFeatureSettings] = [
        "US": RegionFeatureSettings(currency: "USD", postalPrefixLength: 3, pricePerSquareMetre: 100...50_000),
        "CA": RegionFeatureSettings(currency: "CAD", postalPrefixLength: 3, pricePerSquareMetre: 100...40_000),
        "DE": RegionFeatureSettings(currency: "EUR", postalPrefixLength: 2, pricePerSquareMetre: 200...30_000),
    ]

    static let settings = FeatureSettings(
        cleaning: cleaning, lowerOutlierQuantile: 0.001, upperOutlierQuantile: 0.999, minLevelCount: 20, regions: regions)

    /// A UTC date from `yyyy-MM-ddTHH:mm:ssZ` (or with an offset).
    static func date(_ text: String) -> Date {
        guard let date = try? Date.ISO8601FormatStyle().parse(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// A German house with every field.
    static let fullFeatures = HomeFeatures(
        region: "DE", propertyType: .house, city: "München", postalCode: "80331",
        coordinates: Coordinates(latitude: 48.137, longitude: 11.575), livingArea: 142.5, lotArea: 380, rooms: 5,
        bedrooms: 3, bathrooms: 1.5, garageSpaces: 1, builtYear: 1994, builtMonth: 3, heating: "heatPump",
        cooling: "none", extra: ["pool": "false"])

    /// A canonical home around `features`.
    static func home(
        _ features: HomeFeatures, id: String = "home-1", price: Money? = nil, priceKind: PriceKind? = nil,
        saleFetchedAt: Date? = nil, normalizedAt: Date = date("2024-06-20T08:00:00Z")
    ) -> Home {
        var provenance: [String: [ProvenanceEntry]] = [:]
        if let saleFetchedAt {
            provenance["price"] = [
                ProvenanceEntry(sourceId: "crawler", recordId: "r1", value: "1", fetchedAt: date("2024-06-01T00:00:00Z"), chosen: false),
                ProvenanceEntry(sourceId: "register", recordId: "r2", value: "2", fetchedAt: saleFetchedAt, chosen: true),
            ]
        }
        return Home(
            id: id, region: features.region, propertyType: features.propertyType,
            address: Address(
                street: "Hauptstraße", houseNumber: "1", city: features.city ?? "", postalCode: features.postalCode,
                country: features.region),
            coordinates: features.coordinates, price: price, priceKind: priceKind, livingArea: features.livingArea,
            lotArea: features.lotArea, rooms: features.rooms, bedrooms: features.bedrooms, bathrooms: features.bathrooms,
            garageSpaces: features.garageSpaces, builtYear: features.builtYear, builtMonth: features.builtMonth,
            heating: features.heating, cooling: features.cooling, extra: features.extra ?? [:], provenance: provenance,
            normalizedAt: normalizedAt)
    }

    /// `count` varied German homes, sold in euros at a price that depends on their features.
    static func soldHomes(count: Int, seed: UInt64 = 11) -> [Home] {
        var generator = SplitMix64(seed: seed)
        let cities = ["Berlin", "München", "Köln", "Hamburg"]
        let heating = ["gas", "heatPump", "district", "oil"]
        return (0..<count).map { index in
            let living = 40 + 200 * generator.nextUniform()
            let built = 1900 + Int(generator.next() % 124)
            let city = cities[Int(generator.next() % UInt64(cities.count))]
            let cityFactor = city == "München" ? 2.0 : 1.0
            let features = HomeFeatures(
                region: "DE", propertyType: generator.nextUniform() < 0.7 ? .house : .apartment, city: city,
                postalCode: String(10_000 + Int(generator.next() % 89_999)),
                livingArea: living, lotArea: generator.nextUniform() < 0.3 ? nil : living * (1 + 4 * generator.nextUniform()),
                rooms: Double(1 + Int(living / 30)), builtYear: built, builtMonth: 1 + Int(generator.next() % 12),
                heating: heating[Int(generator.next() % UInt64(heating.count))])
            let amount = (living * 4000 * cityFactor + Double(built - 1900) * 500).rounded()
            let sold = date("2023-01-01T00:00:00Z").addingTimeInterval(Double(index) * 36_000)
            return home(
                features, id: "de-\(index)", price: Money(amount: amount, currency: "EUR"), priceKind: .sold, saleFetchedAt: sold)
        }
    }
}
