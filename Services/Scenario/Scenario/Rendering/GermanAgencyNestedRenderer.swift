/// `de-agency-nested`: nested JSON with German keys, `"130 m2"`, `"130.000 €"`, `"Mai 1990"` and
/// the address as an object.
enum GermanAgencyNestedRenderer {
    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        let built = home.builtYear.map { year in
            home.builtMonth.map { "\(TextFormats.germanMonths[$0 - 1]) \(year)" } ?? String(year)
        }
        let address = JSONText.object(dropping: [
            ("strasse", .string(noise.typed(home.street))),
            ("hausnummer", .string(home.houseNumber)),
            ("plz", .string(home.postalCode)),
            ("ort", .string(home.city)),
            ("bundesland", noise.maybe(home.state).map { .string($0) }),
        ])
        let areas = JSONText.object(dropping: [
            ("wohnflaeche", noise.maybe(home.livingArea, stating: .livingArea).map { .string("\(TextFormats.germanDecimal($0)) m2") }),
            ("grundstueck", home.lotArea.map { .string("\(TextFormats.germanDecimal($0)) m²") }),
        ])
        let price = JSONText.object([
            ("betrag", .string(TextFormats.euros(home.askingPrice(random: &noise.random)))),
            ("art", .string("Angebotspreis")),
        ])
        let object = JSONText.object(dropping: [
            ("nummer", .string(recordId)),
            ("typ", .string(Vocabulary.germanType(home.propertyType))),
            ("adresse", address),
            ("flaechen", areas),
            ("preis", price),
            ("baujahr", noise.maybe(built, stating: .builtYear, .builtMonth).map { .string($0) }),
            ("zimmer", noise.maybe(home.rooms, stating: .rooms).map { .integer($0) }),
            ("schlafzimmer", noise.maybe(home.bedrooms, stating: .bedrooms).map { .integer($0) }),
            ("badezimmer", noise.maybe(home.bathrooms, stating: .bathrooms).map { .number($0) }),
            ("stellplaetze", noise.maybe(home.garageSpaces, stating: .garageSpaces).map { .integer($0) }),
            ("heizung", noise.maybe(home.heating, stating: .heating).map { .string(Vocabulary.germanHeating($0)) }),
            ("klimaanlage", home.cooling.map { .bool($0 == "central") }),
        ])
        let geo: JSONText? = home.latitude.flatMap { latitude in
            home.longitude.map { .object([("breite", .number(latitude)), ("laenge", .number($0))]) }
        }
        return JSONText.object(dropping: [("objekt", object), ("geo", noise.maybe(geo, stating: .coordinates))]).text
    }
}
