import Features
import Schema
import Testing

@Suite("Categorical terms")
struct CategoricalTermsTests {
    let step = CategoricalTerms(regions: Fixtures.regions)

    func terms(_ features: HomeFeatures) -> ([String: String], [FeatureIssue]) {
        var issues: [FeatureIssue] = []
        return (step.terms(of: features, issues: &issues), issues)
    }

    @Test("a full home gives every category as folded text")
    func fullHome() {
        let (terms, issues) = terms(Fixtures.fullFeatures)
        #expect(
            terms == [
                "region": "DE", "propertyType": "house", "city": "munchen", "postalPrefix": "80", "heating": "heatpump",
                "cooling": "none",
            ])
        #expect(issues.isEmpty)
    }

    @Test("the region is upper case and chooses the postal prefix length")
    func regionChoosesPrefixLength() {
        #expect(terms(HomeFeatures(region: " de ", postalCode: "80331")).0 == ["region": "DE", "postalPrefix": "80"])
        #expect(terms(HomeFeatures(region: "us", postalCode: "02139")).0 == ["region": "US", "postalPrefix": "021"])
        #expect(terms(HomeFeatures(region: "CA", postalCode: "h2x 1y4")).0 == ["region": "CA", "postalPrefix": "H2X"])
    }

    @Test("an unknown or empty region has no postal prefix and records an issue", arguments: ["FR", "", "  ", "🇩🇪"])
    func unknownRegion(region: String) {
        let (terms, issues) = terms(HomeFeatures(region: region, city: "Paris", postalCode: "75001"))
        #expect(terms["postalPrefix"] == nil)
        #expect(terms["city"] == "paris")
        #expect(issues == [FeatureIssue(field: "region", reason: .unknownRegion, value: region)])
    }

    @Test("empty or blank text is missing, not an empty category")
    func blankTextIsMissing() {
        let (terms, issues) = terms(HomeFeatures(region: "US", city: " ", postalCode: "", heating: "", cooling: "\u{301}"))
        #expect(terms == ["region": "US"])
        #expect(issues.isEmpty)
    }

    @Test("a malformed postal code is missing with its issue, the other terms stay")
    func malformedPostalCode() {
        let (terms, issues) = terms(HomeFeatures(region: "US", propertyType: .apartment, postalCode: "12"))
        #expect(terms == ["region": "US", "propertyType": "apartment"])
        #expect(issues.map(\.reason) == [.tooShort])
    }
}
