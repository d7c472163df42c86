import Features
import Schema
import Testing

@Suite("Feature extractor")
struct FeatureExtractorTests {
    let extractor = FeatureExtractor(settings: Fixtures.settings)

    @Test("a full home gives the cleaned, derived and categorical values without issues")
    func fullHome() {
        let at = Fixtures.date("2024-06-15T12:00:00Z")
        let extracted = extractor.extract(Fixtures.fullFeatures, observedAt: at)
        #expect(extracted.numeric == NumericDerivation.values(of: Fixtures.fullFeatures, at: Observation(at)))
        #expect(extracted.categorical["city"] == "munchen" && extracted.categorical.count == 6)
        #expect(extracted.issues.isEmpty)
    }

    @Test("garbage becomes missing with its issues, and what remains is finite")
    func garbageHome() {
        let garbage = HomeFeatures(
            region: "de", propertyType: .other, city: "\u{0}", postalCode: "８０３３１",
            coordinates: Coordinates(latitude: 200, longitude: 0), livingArea: -.infinity, lotArea: 1e300, rooms: -3,
            bedrooms: 2, bathrooms: .nan, garageSpaces: Int.max, builtYear: 3000, builtMonth: 0, heating: "GAS", cooling: "")
        let extracted = extractor.extract(garbage, observedAt: Fixtures.date("2024-06-15T12:00:00Z"))
        #expect(
            extracted.issues.map(\.field) == [
                "livingArea", "lotArea", "rooms", "garageSpaces", "bathrooms", "builtYear", "builtMonth", "coordinates.latitude",
                "postalCode",
            ])
        #expect(extracted.numeric == ["observedYear": 2024, "observedMonth": 6, "bedrooms": 2])
        #expect(extracted.categorical == ["region": "DE", "propertyType": "other", "city": "\u{0}", "heating": "gas"])
    }

    @Test("the build year limit follows the observation year")
    func buildYearLimitFollowsObservation() {
        let planned = HomeFeatures(region: "DE", builtYear: 2025)
        #expect(extractor.extract(planned, observedAt: Fixtures.date("2024-12-31T23:59:59Z")).numeric["builtYear"] == 2025)
        #expect(extractor.extract(planned, observedAt: Fixtures.date("2023-12-31T23:59:59Z")).numeric["builtYear"] == nil)
    }
}
