import Foundation
import Schema

/// Canonical homes in the shapes the normalizer publishes from the scenario's sources (the
/// examples in `configs/sources/*.yaml`, areas converted exactly as its parsers do), for the
/// US, Canada and Germany, rich and sparse, plus homes with values no real home has.
enum Homes {
    /// Square metres in a square foot and in an acre, the normalizer's conversion factors.
    static let squareFoot = 0.092_903_04
    static let acre = 4_046.856_422_4

    /// When the normalizer published these homes.
    static let normalizedAt = date("2024-06-20T08:00:00Z")

    /// A UTC date from `yyyy-MM-ddTHH:mm:ssZ`.
    static func date(_ text: String) -> Date {
        guard let date = try? Date.ISO8601FormatStyle().parse(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// The provenance of `fields` as one source record reported them at `fetchedAt`.
    static func provenance(
        _ fields: [String: String], source: String, record: String, fetchedAt: Date
    ) -> [String: [ProvenanceEntry]] {
        fields.mapValues { [ProvenanceEntry(sourceId: source, recordId: record, value: $0, fetchedAt: fetchedAt, chosen: true)] }
    }

    /// An Ames, Iowa sale recorded by the county (`us-county-sales`): no type, no coordinates,
    /// half baths kept as an extra attribute.
    static let amesSale = Home(
        id: "home-5c1f0a7e3b9d2c41", region: "US",
        address: Address(street: "Woodland St", houseNumber: "115", city: "Ames", state: "IA", postalCode: "50014", country: "US"),
        price: Money(amount: 195_500, currency: "USD"), priceKind: .sold, priceInUSD: 195_500,
        livingArea: 1_604 * squareFoot, lotArea: 0.22 * acre, bedrooms: 3, bathrooms: 2, builtYear: 1998,
        extra: ["halfBaths": "1"],
        provenance: provenance(
            ["price": "195500", "livingArea": "1604", "lotArea": "0.22", "builtYear": "1998", "bedrooms": "3", "bathrooms": "2"],
            source: "us-county-sales", record: "P2483067665", fetchedAt: date("2024-03-14T09:30:00Z")),
        normalizedAt: normalizedAt)

    /// A Clifton Park, New York house an agency lists for sale (`us-agency-flat`): every field.
    static let cliftonParkListing = Home(
        id: "home-9e02b6d4c1a87f35", region: "US", propertyType: .house,
        address: Address(
            street: "Nelson Ave", houseNumber: "1620", city: "Clifton Park", state: "NY", postalCode: "12065", country: "US"),
        coordinates: Coordinates(latitude: 42.844204, longitude: -73.791346),
        price: Money(amount: 226_000, currency: "USD"), priceKind: .asking, priceInUSD: 226_000,
        livingArea: 1_391 * squareFoot, lotArea: 10_893 * squareFoot, rooms: 8, bedrooms: 3, bathrooms: 2, garageSpaces: 1,
        builtYear: 1993, builtMonth: 7, heating: "gas", cooling: "centralAir",
        provenance: provenance(
            ["price": "$226,000", "livingArea": "1391 sqft", "builtDate": "1993-07"],
            source: "us-agency-flat", record: "A-3507199262", fetchedAt: date("2024-06-18T14:00:00Z")),
        normalizedAt: normalizedAt)

    /// An Ames townhouse sale from the open data set (`us-open-data`), with coordinates.
    static let amesTownhouseSale = Home(
        id: "home-31d7e8a05f6b4c92", region: "US", propertyType: .townhouse,
        address: Address(street: "Elm St", houseNumber: "4318", city: "Ames", state: "IA", postalCode: "50011", country: "US"),
        coordinates: Coordinates(latitude: 42.06, longitude: -93.64),
        price: Money(amount: 210_250, currency: "USD"), priceKind: .sold, priceInUSD: 210_250,
        livingArea: 1_364 * squareFoot, lotArea: 0.07 * acre, rooms: 6, bedrooms: 2, bathrooms: 2, builtYear: 2006,
        builtMonth: 8, heating: "gas", cooling: "centralAir",
        provenance: provenance(
            ["price": "210250", "livingArea": "1364 sq ft", "builtDate": "2006 Aug"],
            source: "us-open-data", record: "OD862059629", fetchedAt: date("2024-02-02T11:15:00Z")),
        normalizedAt: normalizedAt)

    /// A Windsor, Ontario sale from the land registry (`ca-land-registry`): like the real
    /// Windsor data, no living area and no construction year.
    static let windsorSale = Home(
        id: "home-c48a1e9f07d23b66", region: "CA",
        address: Address(
            street: "University Ave W", houseNumber: "4794", city: "Windsor", state: "ON", postalCode: "N8S 6A8", country: "CA"),
        price: Money(amount: 113_000, currency: "CAD"), priceKind: .sold, priceInUSD: 82_481.75,
        lotArea: 5_995 * squareFoot, bedrooms: 4, bathrooms: 2, garageSpaces: 1, heating: "electric", cooling: "centralAir",
        provenance: provenance(
            ["price": "113000.00", "lotArea": "5995"], source: "ca-land-registry", record: "ON-1397009465",
            fetchedAt: date("2024-05-07T16:45:00Z")),
        normalizedAt: normalizedAt)

    /// A Windsor listing from the MLS export (`ca-mls-dataset`) with little more than a lot.
    static let windsorSparseListing = Home(
        id: "home-07b5f2c9e81a4d3f", region: "CA",
        address: Address(
            street: "Wyandotte St E", houseNumber: "1187", city: "Windsor", state: "ON", postalCode: "N9A 3J2", country: "CA"),
        price: Money(amount: 38_500, currency: "CAD"), priceKind: .asking, priceInUSD: 28_102.19,
        lotArea: 4_000 * squareFoot, bedrooms: 2, extra: ["gasHeat": "no"],
        normalizedAt: normalizedAt)

    /// A Berlin flat's sale in the valuation committee's register (`de-kaufpreissammlung`).
    static let berlinSale = Home(
        id: "home-e6a09c3b5d174f28", region: "DE", propertyType: .apartment,
        address: Address(street: "Birkenweg", houseNumber: "6", city: "Berlin", postalCode: "11163", country: "DE"),
        price: Money(amount: 271_000, currency: "EUR"), priceKind: .sold, priceInUSD: 294_565.22,
        livingArea: 79, lotArea: 566, rooms: 3, builtYear: 1956, builtMonth: 11,
        provenance: provenance(
            ["price": "271.000,00", "livingArea": "79", "builtDate": "November 1956"], source: "de-kaufpreissammlung",
            record: "KPS-2480370769", fetchedAt: date("2024-04-22T07:00:00Z")),
        normalizedAt: normalizedAt)

    /// A Berlin town house an agency lists (`de-agency-nested`), every field, an umlaut city
    /// spelling the category folding must absorb.
    static let berlinListing = Home(
        id: "home-2f8c71d0a4b9e563", region: "DE", propertyType: .house,
        address: Address(
            street: "Bahnhofstraße", houseNumber: "88b", city: "BERLIN", state: "Berlin", postalCode: "10965", country: "DE"),
        coordinates: Coordinates(latitude: 52.58, longitude: 13.35),
        price: Money(amount: 1_220_000, currency: "EUR"), priceKind: .asking, priceInUSD: 1_326_086.96,
        livingArea: 202, lotArea: 324, rooms: 7, bedrooms: 4, bathrooms: 2, garageSpaces: 1, builtYear: 1918, builtMonth: 6,
        heating: "gas", cooling: "none",
        normalizedAt: normalizedAt)

    /// A München listing whose source typed `0 m²` and a construction year of 3000: both values
    /// are set aside, the home is not.
    static let munichTypos = Home(
        id: "home-a17d4e0b95c2f8e1", region: "DE", propertyType: .house,
        address: Address(street: "Leopoldstraße", houseNumber: "12", city: "München", postalCode: "80331", country: "DE"),
        price: Money(amount: 1_450_000, currency: "EUR"), priceKind: .asking, priceInUSD: 1_576_086.96,
        livingArea: 0, lotArea: 410, rooms: 6, bedrooms: 4, bathrooms: 2.5, garageSpaces: 2, builtYear: 3000,
        heating: "heatPump", cooling: "none",
        normalizedAt: normalizedAt)

    /// A Hamburg flat "sold" for 1 € between relatives: a sale, but no label.
    static let hamburgFamilyTransfer = Home(
        id: "home-64be2a19d0f7c385", region: "DE", propertyType: .apartment,
        address: Address(street: "Eppendorfer Weg", houseNumber: "211", city: "Hamburg", postalCode: "20253", country: "DE"),
        price: Money(amount: 1, currency: "EUR"), priceKind: .sold, priceInUSD: 1.09, livingArea: 95, rooms: 3, builtYear: 1910,
        provenance: provenance(
            ["price": "1,00"], source: "de-kaufpreissammlung", record: "KPS-1177450923", fetchedAt: date("2024-01-30T07:00:00Z")),
        normalizedAt: normalizedAt)

    /// A London flat: a region without feature settings.
    static let londonListing = Home(
        id: "home-f0c3b8e27a6d9154", region: "GB", propertyType: .apartment,
        address: Address(street: "Baker St", houseNumber: "221B", city: "London", postalCode: "NW1 6XE", country: "GB"),
        price: Money(amount: 950_000, currency: "GBP"), priceKind: .asking, livingArea: 68, rooms: 3,
        normalizedAt: normalizedAt)

    /// Every home of a known region above.
    static let known = [
        amesSale, cliftonParkListing, amesTownhouseSale, windsorSale, windsorSparseListing, berlinSale, berlinListing, munichTypos,
        hamburgFamilyTransfer,
    ]
}
