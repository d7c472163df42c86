import Features
import Schema
import Testing

@Suite("Label sanity check")
struct LabelCheckTests {
    let check = LabelCheck(regions: Fixtures.regions)

    @Test(
        "a sale in the region's currency at a plausible price per square metre is a label",
        arguments: [
            (450_000.0, "EUR", "DE", 100.0 as Double?), (20_000, "EUR", "de", 100), (3_000_000, "EUR", "DE", 100),
            (1_250_000, "USD", "US", nil), (799_000, "CAD", "CA", 150),
        ])
    func accepted(amount: Double, currency: String, region: String, livingArea: Double?) {
        var issues: [FeatureIssue] = []
        let target = check.target(
            for: Money(amount: amount, currency: currency), region: region, livingArea: livingArea, issues: &issues)
        #expect(target == amount)
        #expect(issues.isEmpty)
    }

    @Test(
        "anything else is no label, with the reason",
        arguments: [
            (450_000.0, "USD", "DE", 100.0 as Double?, FeatureIssue.Reason.notInRegionCurrency),
            (450_000, "eur", "DE", 100, .notInRegionCurrency), (450_000, "", "DE", 100, .notInRegionCurrency),
            (.nan, "EUR", "DE", 100, .notFinite), (.infinity, "EUR", "DE", nil, .notFinite), (0, "EUR", "DE", nil, .notPositive),
            (-450_000, "EUR", "DE", 100, .notPositive), (1, "EUR", "DE", 100, .implausiblePricePerSquareMetre),
            (19_999, "EUR", "DE", 100, .implausiblePricePerSquareMetre),
            (.greatestFiniteMagnitude, "EUR", "DE", 100, .implausiblePricePerSquareMetre),
            (450_000, "EUR", "FR", 100, .unknownRegion), (450_000, "EUR", "", nil, .unknownRegion),
        ])
    func rejected(amount: Double, currency: String, region: String, livingArea: Double?, reason: FeatureIssue.Reason) {
        var issues: [FeatureIssue] = []
        let target = check.target(
            for: Money(amount: amount, currency: currency), region: region, livingArea: livingArea, issues: &issues)
        #expect(target == nil)
        #expect(issues.map(\.reason) == [reason])
        #expect(issues.map(\.field) == ["price"])
    }
}
