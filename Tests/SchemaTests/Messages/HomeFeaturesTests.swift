import Schema
import Testing

@Suite("Home features")
struct HomeFeaturesTests {
    @Test("A home's features carry its descriptive attributes")
    func featuresCarryDescriptiveAttributes() {
        let features = Samples.home.features
        #expect(
            features
                == HomeFeatures(
                    region: "US",
                    propertyType: .house,
                    city: "Austin",
                    postalCode: "78704",
                    coordinates: Coordinates(latitude: 30.2401, longitude: -97.7769),
                    livingArea: 171.9,
                    lotArea: 650,
                    rooms: 7,
                    bedrooms: 3,
                    bathrooms: 2.5,
                    garageSpaces: 2,
                    builtYear: 1990,
                    builtMonth: 5,
                    heating: "gas",
                    cooling: "central",
                    extra: ["pool": "true"]
                )
        )
    }

    @Test("A home without extra attributes has no extra features")
    func emptyExtraBecomesAbsent() {
        let home = Home(
            id: "home-ca-1",
            region: "CA",
            address: Address(city: "Toronto", country: "CA"),
            normalizedAt: Samples.date
        )
        #expect(home.features.extra == nil)
        #expect(home.features == HomeFeatures(region: "CA", city: "Toronto"))
    }
}
