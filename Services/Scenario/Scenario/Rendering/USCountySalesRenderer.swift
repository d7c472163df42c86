/// `us-county-sales`: a county assessor's recorded sales, CSV with upper-case addresses, plain
/// numbers, lot sizes in acres and full and half baths apart.
enum USCountySalesRenderer {
    static let header =
        "PARCEL_ID,SITE_ADDRESS,CITY,STATE,ZIP,SALE_PRICE,YEAR_BUILT,LIVING_SQFT,LOT_ACRES,BEDROOMS,FULL_BATHS,HALF_BATHS"

    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        let fullBaths = home.bathrooms.map { Int($0.rounded(.down)) }
        let halfBaths = home.bathrooms.map { $0 - $0.rounded(.down) > 0 ? 1 : 0 }
        let fields: [String?] = [
            recordId,
            "\(home.houseNumber) \(noise.typed(home.street))".uppercased(),
            home.city.uppercased(),
            home.state,
            home.postalCode,
            String(Int(home.price)),
            noise.maybe(home.builtYear, stating: .builtYear).map(String.init),
            noise.maybe(home.livingArea, stating: .livingArea).map { String(TextFormats.squareFeet($0)) },
            noise.maybe(home.lotArea, stating: .lotArea).map { TextFormats.decimal($0 / 4_046.856_422_4) },
            noise.maybe(home.bedrooms, stating: .bedrooms).map(String.init),
            fullBaths.map(String.init),
            halfBaths.map(String.init),
        ]
        return fields.map { TextFormats.csvField($0 ?? "", delimiter: ",") }.joined(separator: ",")
    }
}
