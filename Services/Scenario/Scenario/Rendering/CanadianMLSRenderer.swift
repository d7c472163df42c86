/// `ca-mls-dataset`: a CSV export of listings with the address in one quoted field and prices as
/// `"$42,000.00"`.
enum CanadianMLSRenderer {
    static let header = "mls_number,address,list_price,lot_size_sqft,bedrooms,bathrooms,garage,gas_heat,air_conditioning"

    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        let address = "\(home.houseNumber) \(noise.typed(home.street)), \(home.city), \(home.state) \(home.postalCode)"
        let fields: [String?] = [
            recordId,
            address,
            TextFormats.dollars(home.askingPrice(random: &noise.random)) + ".00",
            noise.maybe(home.lotArea, stating: .lotArea).map { String(TextFormats.squareFeet($0)) },
            noise.maybe(home.bedrooms, stating: .bedrooms).map(String.init),
            noise.maybe(home.bathrooms, stating: .bathrooms).map(TextFormats.decimal),
            noise.maybe(home.garageSpaces, stating: .garageSpaces).map(String.init),
            home.heating.map { $0 == "gas" ? "yes" : "no" },
            home.cooling.map { $0 == "central" ? "yes" : "no" },
        ]
        return fields.map { TextFormats.csvField($0 ?? "", delimiter: ",") }.joined(separator: ",")
    }
}
