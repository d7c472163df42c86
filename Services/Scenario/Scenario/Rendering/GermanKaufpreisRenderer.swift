import Markup

/// `de-kaufpreissammlung`: a German valuation committee's register of purchase prices, XML with
/// German element names, the address as one line, decimal commas and month words.
enum GermanKaufpreisRenderer {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Kaufpreissammlung>\n"
    static let footer = "</Kaufpreissammlung>\n"

    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        func element(_ name: String, _ value: String?, attributes: String = "") -> String {
            value.map { "<\(name)\(attributes)>\(XMLText.escaped($0))</\(name)>" } ?? ""
        }
        let lage = "\(noise.typed(home.street)) \(home.houseNumber), \(home.postalCode) \(home.city)"
        let built = home.builtYear.map { year in
            home.builtMonth.map { "\(TextFormats.germanMonths[$0 - 1]) \(year)" } ?? String(year)
        }
        let price = TextFormats.grouped(Int(home.price), separator: ".") + ",00"
        return "<Vertrag nr=\"\(XMLText.escaped(recordId))\">"
            + element("Objektart", Vocabulary.germanType(home.propertyType))
            + element("Lage", lage)
            + element("Kaufpreis", price, attributes: " waehrung=\"EUR\"")
            + element(
                "Wohnflaeche", noise.maybe(home.livingArea, stating: .livingArea).map(TextFormats.germanDecimal),
                attributes: " einheit=\"m²\"")
            + element("Grundstuecksflaeche", home.lotArea.map(TextFormats.germanDecimal))
            + element("Baujahr", noise.maybe(built, stating: .builtYear, .builtMonth))
            + element("Zimmer", noise.maybe(home.rooms, stating: .rooms).map(String.init))
            + "</Vertrag>"
    }
}
