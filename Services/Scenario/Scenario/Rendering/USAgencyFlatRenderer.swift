/// `us-agency-flat`: flat JSON, areas as `"1656 sqft"`, money as `"$215,000"`, the build date as
/// `"1960-05"` and the address as one string.
enum USAgencyFlatRenderer {
    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        let address = "\(home.houseNumber) \(noise.typed(home.street)), \(home.city), \(home.state) \(home.postalCode)"
        let built = home.builtYear.map { year in
            home.builtMonth.map { "\(year)-\(String($0).leftPadded(to: 2))" } ?? String(year)
        }
        return JSONText.object(dropping: [
            ("listingId", .string(recordId)),
            ("address", .string(address)),
            ("price", .string(TextFormats.dollars(home.askingPrice(random: &noise.random)))),
            ("sqft", noise.maybe(home.livingArea, stating: .livingArea).map { .string("\(TextFormats.squareFeet($0)) sqft") }),
            ("lotSqft", noise.maybe(home.lotArea, stating: .lotArea).map { .integer(TextFormats.squareFeet($0)) }),
            ("built", noise.maybe(built, stating: .builtYear, .builtMonth).map { .string($0) }),
            ("beds", noise.maybe(home.bedrooms, stating: .bedrooms).map { .integer($0) }),
            ("baths", noise.maybe(home.bathrooms, stating: .bathrooms).map { .number($0) }),
            ("rooms", noise.maybe(home.rooms, stating: .rooms).map { .integer($0) }),
            ("garage", noise.maybe(home.garageSpaces, stating: .garageSpaces).map { .integer($0) }),
            ("heating", noise.maybe(home.heating, stating: .heating).map { .string(Vocabulary.englishHeating($0)) }),
            ("cooling", noise.maybe(home.cooling, stating: .cooling).map { .string($0 == "central" ? "Central Air" : "None") }),
            ("type", .string(Vocabulary.englishType(home.propertyType))),
            ("lat", home.latitude.map { .number(($0 * 1e6).rounded() / 1e6) }),
            ("lng", home.longitude.map { .number(($0 * 1e6).rounded() / 1e6) }),
        ]).text
    }
}
