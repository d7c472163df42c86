import Features
import Foundation
import Schema
import Testing

@Suite("Feature rows from canonical homes")
struct FeatureRowBuilderTests {
    let builder = FeatureRowBuilder(settings: Fixtures.settings)
    let computedAt = Fixtures.date("2024-07-01T00:00:00Z")
    let saleDate = Fixtures.date("2023-11-20T10:00:00Z")

    @Test("a plausible sale is the label, dated by the chosen price record, and the features are observed then")
    func saleIsLabel() {
        let home = Fixtures.home(
            Fixtures.fullFeatures, price: Money(amount: 890_000, currency: "EUR"), priceKind: .sold, saleFetchedAt: saleDate)
        let built = builder.build(from: home, computedAt: computedAt)
        #expect(built.issues.isEmpty)
        #expect(built.row.target == 890_000)
        #expect(built.row.currency == "EUR")
        #expect(built.row.labelDate == saleDate)
        #expect(built.row.observedAt == saleDate)
        #expect(built.row.features == builder.extractor.extract(home.features, observedAt: saleDate).numeric)
        #expect(built.row.features["observedYear"] == 2023)
        #expect(built.row.categorical["postalPrefix"] == "80")
        #expect(built.row.homeId == "home-1" && built.row.region == "DE" && built.row.computedAt == computedAt)
        #expect(built.row.featureSchemaVersion == FeatureSchema.version && built.row.retired == false)
    }

    @Test("a home listed again after a sale keeps its last sale as the label, dated by the sale's own date")
    func lastSaleFromHistory() {
        var home = Fixtures.home(
            Fixtures.fullFeatures, price: Money(amount: 990_000, currency: "EUR"), priceKind: .asking, saleFetchedAt: saleDate)
        home.priceHistory = [
            PriceEvent(
                kind: .sold, price: Money(amount: 640_000, currency: "EUR"), date: "2015-06", sourceId: "register", recordId: "a",
                fetchedAt: saleDate),
            PriceEvent(
                kind: .sold, price: Money(amount: 870_000, currency: "EUR"), date: "2021-09-30", sourceId: "register", recordId: "b",
                fetchedAt: saleDate),
            PriceEvent(
                kind: .asking, price: Money(amount: 990_000, currency: "EUR"), date: "2024-03-01", sourceId: "agency", recordId: "c",
                fetchedAt: saleDate),
        ]
        let built = builder.build(from: home, computedAt: computedAt)
        #expect(built.row.target == 870_000, "the most recent sale, not the asking price")
        #expect(built.row.labelDate == Fixtures.date("2021-09-30T00:00:00Z"))
        #expect(built.row.features["observedYear"] == 2021)
    }

    @Test("a row carries the version of the home it was computed from")
    func rowCarriesHomeVersion() {
        var home = Fixtures.home(Fixtures.fullFeatures, price: nil, priceKind: nil)
        #expect(builder.build(from: home, computedAt: computedAt).row.homeVersion == nil)
        home.version = 5
        #expect(builder.build(from: home, computedAt: computedAt).row.homeVersion == 5)
    }

    @Test("a sale without price provenance is dated when the home was normalized")
    func saleWithoutProvenance() {
        let home = Fixtures.home(Fixtures.fullFeatures, price: Money(amount: 890_000, currency: "EUR"), priceKind: .sold)
        let built = builder.build(from: home, computedAt: computedAt)
        #expect(built.row.target == 890_000)
        #expect(built.row.labelDate == home.normalizedAt && built.row.observedAt == home.normalizedAt)
    }

    @Test("asking and assessed prices, and homes without a price, are never labels", arguments: [PriceKind.asking, .assessed, nil])
    func otherPricesAreNoLabel(kind: PriceKind?) {
        let home = Fixtures.home(
            Fixtures.fullFeatures, price: kind.map { _ in Money(amount: 890_000, currency: "EUR") }, priceKind: kind,
            saleFetchedAt: saleDate)
        let built = builder.build(from: home, computedAt: computedAt)
        #expect(built.row.target == nil && built.row.currency == nil && built.row.labelDate == nil)
        #expect(built.row.observedAt == home.normalizedAt)
        #expect(built.row.features["observedYear"] == 2024)
        #expect(built.issues.isEmpty)
    }

    @Test(
        "a sale in another currency or at an implausible price per square metre is no label, with its issue",
        arguments: [
            (Money(amount: 890_000, currency: "USD"), FeatureIssue.Reason.notInRegionCurrency),
            (Money(amount: 1, currency: "EUR"), .implausiblePricePerSquareMetre),
            (Money(amount: 9e9, currency: "EUR"), .implausiblePricePerSquareMetre),
            (Money(amount: -1, currency: "EUR"), .notPositive),
        ])
    func rejectedSale(price: Money, reason: FeatureIssue.Reason) {
        let home = Fixtures.home(Fixtures.fullFeatures, price: price, priceKind: .sold, saleFetchedAt: saleDate)
        let built = builder.build(from: home, computedAt: computedAt)
        #expect(built.row.target == nil && built.row.currency == nil && built.row.labelDate == nil)
        #expect(built.row.observedAt == home.normalizedAt)
        #expect(built.issues.map(\.reason) == [reason])
    }

    @Test("cleaning issues and the label issue are both reported, and the row still encodes as JSON")
    func garbageHomeStillEncodes() throws {
        var features = Fixtures.fullFeatures
        features.livingArea = .nan
        features.rooms = -1
        let home = Fixtures.home(features, price: Money(amount: .infinity, currency: "EUR"), priceKind: .sold)
        let built = builder.build(from: home, computedAt: computedAt)
        #expect(built.issues.map(\.field) == ["livingArea", "rooms", "price"])
        let decoded = try FeatureRow.decode(from: try built.row.encoded())
        #expect(decoded == built.row)
    }
}
