import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("Home assembly")
struct HomeAssemblerTests {
    private static let assembler = HomeAssembler(
        policy: MergePolicy(sourceTrust: [:], defaultTrust: 1, defaultRule: .sourcePriority, fieldRules: [:], numericTolerance: 0.01),
        exchangeRates: ExchangeRates(base: .usd, rates: [.cad: Decimal(string: "1.37") ?? 0, .eur: Decimal(string: "0.5") ?? 0])
    )

    /// The home of one record giving `price`.
    private static func home(priced price: Money) -> Home {
        let record = MappedRecord(
            sourceId: "source", recordId: "1", region: "US", fetchedAt: Date(timeIntervalSince1970: 1_714_000_000),
            fields: [CanonicalField.price.rawValue: FieldValue(.money(price), raw: "\(price.amount)")], matchingKey: nil)
        return assembler.home(id: "home-1", records: [record], normalizedAt: Date(timeIntervalSince1970: 1_714_100_000))
    }

    @Test("a price in dollars is its own price in USD, cents and all; other currencies convert at the configured rate, to the cent")
    func priceInUSD() {
        #expect(Self.home(priced: Money(amount: 199_999.99, currency: "USD")).priceInUSD == 199_999.99)
        #expect(Self.home(priced: Money(amount: 0.1, currency: "USD")).priceInUSD == 0.1)
        #expect(Self.home(priced: Money(amount: 137_000, currency: "CAD")).priceInUSD == 100_000)
        #expect(Self.home(priced: Money(amount: 100_000, currency: "CAD")).priceInUSD == 72_992.7)
        #expect(Self.home(priced: Money(amount: 1_000.01, currency: "EUR")).priceInUSD == 2_000.02)
        #expect(Self.home(priced: Money(amount: 1_000, currency: "XYZ")).priceInUSD == nil)
    }
}
