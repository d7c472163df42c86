/// `us-open-data`: a JSON-lines open data set, deeply nested, `"1656 sq ft"`, `"1960 May"`, the
/// lot in acres with its unit beside it and coordinates as a pair.
enum USOpenDataRenderer {
    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        let built = home.builtYear.map { year in
            home.builtMonth.map { "\(year) \(TextFormats.englishMonths[$0 - 1].prefix(3))" } ?? String(year)
        }
        let coordinates: JSONText? = home.latitude.flatMap { latitude in
            home.longitude.map { .array([.number(latitude), .number($0)]) }
        }
        let location = JSONText.object(dropping: [
            (
                "address",
                .object([
                    ("line1", .string("\(home.houseNumber) \(noise.typed(home.street))")),
                    ("city", .string(noise.typed(home.city))),
                    ("state", .string(home.state)),
                    ("zip", .string(home.postalCode)),
                ])
            ),
            ("coordinates", noise.maybe(coordinates, stating: .coordinates)),
        ])
        let rooms = JSONText.object(dropping: [
            ("total", noise.maybe(home.rooms, stating: .rooms).map { .integer($0) }),
            ("bedrooms", noise.maybe(home.bedrooms, stating: .bedrooms).map { .integer($0) }),
            ("bathrooms", noise.maybe(home.bathrooms, stating: .bathrooms).map { .number($0) }),
        ])
        let building = JSONText.object(dropping: [
            ("type", .string(home.propertyType.rawValue)),
            ("living_area", noise.maybe(home.livingArea, stating: .livingArea).map { .string("\(TextFormats.squareFeet($0)) sq ft") }),
            ("year_built", noise.maybe(built, stating: .builtYear, .builtMonth).map { .string($0) }),
            ("rooms", rooms),
            ("heating", noise.maybe(home.heating, stating: .heating).map { .string($0) }),
            ("central_air", home.cooling.map { .bool($0 == "central") }),
        ])
        let lot: JSONText? = noise.maybe(home.lotArea, stating: .lotArea).map {
            .object([("area", .number((($0 / 4_046.856_422_4) * 100).rounded() / 100)), ("unit", .string("acre"))])
        }
        return JSONText.object(dropping: [
            ("id", .string(recordId)),
            ("location", location),
            ("building", building),
            ("lot", lot),
            ("sale", .object([("price", .number(home.price)), ("currency", .string("USD"))])),
        ]).text
    }
}
