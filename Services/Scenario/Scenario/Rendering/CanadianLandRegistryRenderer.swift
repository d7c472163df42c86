import Markup

/// `ca-land-registry`: XML sale records with the id as an attribute, the address as nested
/// elements and units as attributes.
enum CanadianLandRegistryRenderer {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LandRegistry>\n"
    static let footer = "</LandRegistry>\n"

    static func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        func element(_ name: String, _ value: String?, attributes: String = "") -> String {
            value.map { "<\(name)\(attributes)>\(XMLText.escaped($0))</\(name)>" } ?? ""
        }
        let address =
            element("Civic", home.houseNumber) + element("Street", noise.typed(home.street))
            + element("Municipality", home.city) + element("Province", home.state)
            + element("PostalCode", noise.maybe(home.postalCode))
        return "<Sale id=\"\(XMLText.escaped(recordId))\"><Address>\(address)</Address>"
            + element("Consideration", String(format: "%.2f", home.price), attributes: " currency=\"CAD\"")
            + element(
                "LotSize", noise.maybe(home.lotArea, stating: .lotArea).map { String(TextFormats.squareFeet($0)) },
                attributes: " unit=\"sqft\"")
            + element("Bedrooms", noise.maybe(home.bedrooms, stating: .bedrooms).map(String.init))
            + element("Bathrooms", noise.maybe(home.bathrooms, stating: .bathrooms).map(TextFormats.decimal))
            + element("GarageSpaces", noise.maybe(home.garageSpaces, stating: .garageSpaces).map(String.init))
            + element("Heating", noise.maybe(home.heating, stating: .heating))
            + element("AirConditioning", home.cooling.map { $0 == "central" ? "yes" : "no" })
            + "</Sale>"
    }
}
