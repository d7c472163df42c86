/// `de-immobilien-csv`: a German CSV export separated by `;` with German headers,
/// `"130.000 €"`, `"130,5 m²"` and build dates as `"05/1990"`.
enum GermanImmobilienCSVRenderer {
    static let header = "Objekt-Nr;Straße;Hausnr.;PLZ;Ort;Kaufpreis;Wohnfläche;Grundstück;Baujahr;Zimmer;Heizung"

    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        let built = home.builtYear.map { year in
            home.builtMonth.map { "\(String($0).leftPadded(to: 2))/\(year)" } ?? String(year)
        }
        let fields: [String?] = [
            recordId,
            noise.typed(home.street),
            home.houseNumber,
            home.postalCode,
            noise.typed(home.city),
            TextFormats.euros(home.price),
            noise.maybe(home.livingArea, stating: .livingArea).map { "\(TextFormats.germanDecimal($0)) m²" },
            home.lotArea.map { "\(TextFormats.germanDecimal($0)) m²" },
            noise.maybe(built, stating: .builtYear, .builtMonth),
            noise.maybe(home.rooms, stating: .rooms).map(String.init),
            noise.maybe(home.heating, stating: .heating).map(Vocabulary.germanHeating),
        ]
        return fields.map { TextFormats.csvField($0 ?? "", delimiter: ";") }.joined(separator: ";")
    }
}
