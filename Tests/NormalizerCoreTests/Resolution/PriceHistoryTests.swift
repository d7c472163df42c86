import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import Testing

/// A home sold in 2005 and listed again in 2024: the register reports the sale, an agency the
/// new asking price. The home must show the current asking price and keep the sale.
@Suite("Price history")
struct PriceHistoryTests {
    private static let register = """
        id: us-register-history
        kind: governmentRecords
        region: US
        currency: USD
        format: csv
        mapping:
          address.street: { path: SITE_ADDRESS, required: true }
          address.city: { path: CITY }
          address.state: { path: STATE }
          address.postalCode: { path: ZIP }
          price: { path: SALE_PRICE, required: true }
          priceKind: { default: sold }
          saleDate: { path: SALE_DATE }
          bedrooms: { path: BEDROOMS }
        """

    private static let agency = """
        id: us-agency-history
        kind: agencyFeed
        region: US
        currency: USD
        format: json
        mapping:
          address: { path: address }
          price: { path: price }
          priceKind: { default: asking }
          listingDate: { path: listed }
          bedrooms: { path: beds }
        """

    private func normalizer() async throws -> Normalizer {
        let normalizer = try await SeedScenario.normalizer()
        for yaml in [Self.register, Self.agency] {
            normalizer.update(source: try SourceMappingDocument(yaml: yaml, origin: "test").descriptor(publishedAt: .distantPast))
        }
        return normalizer
    }

    private static func record(_ source: String, _ payload: String, contentType: String, fetchedAt: Date) -> RawRecord {
        RawRecord(sourceId: source, recordId: "R-1", region: "US", fetchedAt: fetchedAt, contentType: contentType, payload: payload)
    }

    private static let sale = record(
        "us-register-history",
        "SITE_ADDRESS,CITY,STATE,ZIP,SALE_PRICE,SALE_DATE,BEDROOMS\r\n2207 BRAMBLE WAY,AMES,IA,50010,185000,06/14/2005,3\r\n",
        contentType: "text/csv", fetchedAt: Date(timeIntervalSince1970: 1_750_000_000))
    private static let listing = record(
        "us-agency-history",
        #"{"address": "2207 Bramble Way, Ames, IA 50010", "price": "$329,900", "listed": "2024-03-01", "beds": 3}"#,
        contentType: "application/json", fetchedAt: Date(timeIntervalSince1970: 1_740_000_000))

    @Test(
        "the current asking price is the home's price, the earlier sale stays in its history, whichever record arrives first",
        arguments: [false, true])
    func askingPriceAndLastSale(saleFirst: Bool) async throws {
        let normalizer = try await normalizer()
        for record in saleFirst ? [Self.sale, Self.listing] : [Self.listing, Self.sale] {
            #expect(try normalizer.normalize(record).deadLetters.isEmpty)
        }
        let home = try #require(try normalizer.store.homes().first)
        #expect(try normalizer.store.homes().count == 1)
        #expect(home.price == Money(amount: 329_900, currency: "USD"), "the listing of 2024 is more recent than the 2005 sale")
        #expect(home.priceKind == .asking)
        #expect(home.listingDate == "2024-03-01")
        #expect(home.saleDate == "2005-06-14")
        #expect(home.priceHistory?.map(\.kind) == [.sold, .asking], "oldest first")
        #expect(home.lastSale?.price == Money(amount: 185_000, currency: "USD"))
        #expect(home.lastSale?.date == "2005-06-14")
        #expect(home.lastSale?.sourceId == "us-register-history")
    }

    @Test(
        "a sale dated the day an undated sale was fetched is the later one: the undated sale happened some time before",
        arguments: [false, true])
    func datedSaleAfterUndatedSaleOfTheSameDay(datedFirst: Bool) async throws {
        let normalizer = try await normalizer()
        let fetched = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15 15:06 UTC
        var undated = Self.sale
        undated.recordId = "R-9"  // after R-1: source and record alone would put it last
        undated.fetchedAt = fetched
        undated.payload = undated.payload.replacingOccurrences(of: "06/14/2005", with: "")
        var dated = Self.sale
        dated.fetchedAt = fetched
        dated.payload = dated.payload.replacingOccurrences(of: "06/14/2005", with: "06/15/2025")
            .replacingOccurrences(of: "185000", with: "212750")
        for record in datedFirst ? [dated, undated] : [undated, dated] {
            #expect(try normalizer.normalize(record).deadLetters.isEmpty)
        }
        let home = try #require(try normalizer.store.homes().first)
        #expect(try normalizer.store.homes().count == 1)
        #expect(home.priceHistory?.map(\.price.amount) == [185_000, 212_750])
        #expect(home.lastSale?.price == Money(amount: 212_750, currency: "USD"), "the resale of the day is the label")
        #expect(home.lastSale?.date == "2025-06-15")
    }

    @Test("a sale date that does not exist rejects the record, naming the field", arguments: ["02/30/2019", "13/45/2020"])
    func impossibleSaleDate(date: String) async throws {
        var record = Self.sale
        record.payload = record.payload.replacingOccurrences(of: "06/14/2005", with: date)
        let letter = try #require(try await normalizer().normalize(record).deadLetters.first)
        #expect(letter.reasons.map(\.field) == ["saleDate"])
    }
}
