/// Street names, cities and postal codes the generator draws addresses from.
enum AddressBook {
    /// A city with its state, postal codes and centre.
    struct City: Sendable {
        let name: String
        let state: String
        let postalCodes: [String]
        let latitude: Double
        let longitude: Double
    }

    static let amesStreets = [
        "Lincoln Way", "Grand Ave", "Duff Ave", "Ontario St", "Stange Rd", "Hyland Ave", "Oakland St",
        "Northwestern Ave", "Hoover Ave", "Clark Ave", "Douglas Ave", "Kellogg Ave", "Carroll Ave",
        "Burnett Ave", "Wilson Ave", "Maxwell Ave", "Harrison Rd", "Woodland St", "Beach Ave", "Elm St",
    ]
    static let ames = City(
        name: "Ames", state: "IA", postalCodes: ["50010", "50011", "50012", "50014"],
        latitude: 42.0308, longitude: -93.6319)

    static let saratogaStreets = [
        "Broadway", "Union Ave", "Lake Ave", "Church St", "Caroline St", "Phila St", "Spring St",
        "Circular St", "Nelson Ave", "Ballston Ave", "Maple Ave", "Washington St", "Van Dam St",
        "Lincoln Ave", "East Ave", "Henry St",
    ]
    static let saratogaCities = [
        City(name: "Saratoga Springs", state: "NY", postalCodes: ["12866"], latitude: 43.0831, longitude: -73.7846),
        City(name: "Ballston Spa", state: "NY", postalCodes: ["12020"], latitude: 43.0009, longitude: -73.8490),
        City(name: "Clifton Park", state: "NY", postalCodes: ["12065"], latitude: 42.8656, longitude: -73.7709),
        City(name: "Wilton", state: "NY", postalCodes: ["12831"], latitude: 43.1523, longitude: -73.7334),
    ]

    static let windsorStreets = [
        "Ouellette Ave", "Wyandotte St E", "Tecumseh Rd E", "Dougall Ave", "Howard Ave", "University Ave W",
        "Walker Rd", "Lauzon Pkwy", "Erie St E", "Giles Blvd E", "Pillette Rd", "Huron Church Rd",
        "Riverside Dr E", "Chilver Rd", "Kildare Rd",
    ]
    static let windsor = City(
        name: "Windsor", state: "ON",
        postalCodes: ["N8N", "N8P", "N8R", "N8S", "N8T", "N8W", "N8X", "N8Y", "N9A", "N9B", "N9C", "N9E", "N9G"],
        latitude: 42.3149, longitude: -83.0364)

    static let germanStreets = [
        "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße", "Bergstraße",
        "Lindenstraße", "Kirchstraße", "Goethestraße", "Schillerstraße", "Mozartstraße", "Am Markt",
        "Lindenallee", "Birkenweg", "Rosenweg", "Friedrichstraße", "Wilhelmstraße", "Beethovenstraße",
        "Am Mühlbach", "Eichendorffstraße", "Uhlandstraße", "Königstraße", "Parkstraße", "Waldstraße",
    ]

    /// A Canadian postal code in the forward sortation area `area`, for example `N9A 3J4`.
    static func canadianPostalCode(area: String, random: inout SplitMix64) -> String {
        let letters = Array("ABCEGHJKLMNPRSTVWXYZ")
        return "\(area) \(Int(random.next() % 10))\(random.pick(letters))\(Int(random.next() % 10))"
    }
}
