import Foundation
import NormalizerCore
import Testing

@Suite("MoneyParser")
struct MoneyParserTests {
    @Test(
        "reads prices with the region's currency and conventions",
        arguments: [
            ("130000", Country.unitedStates, "130000", CurrencyCode.usd),
            ("130000", .germany, "130000", .eur),
            ("$130,000", .unitedStates, "130000", .usd),
            ("$130,000", .canada, "130000", .cad),
            ("$130.000", .germany, "130000", .usd),
            ("$130,000", .germany, "130", .usd),
            ("130.000 €", .germany, "130000", .eur),
            ("130.000,- €", .germany, "130000", .eur),
            ("130.000 € VB", .germany, "130000", .eur),
            ("ca. 300.000 €", .germany, "300000", .eur),
            ("CAD 450k", .unitedStates, "450000", .cad),
            ("450K CAD", .canada, "450000", .cad),
            ("€ 1,2 Mio.", .germany, "1200000", .eur),
            ("€ 1,2 Mio.", .unitedStates, "1200000", .eur),
            ("1,5 Mio. Euro", .germany, "1500000", .eur),
            ("US$ 1.2M", .canada, "1200000", .usd),
            ("US$ 1.2M", .germany, "1200000", .usd),
            ("1.2 million USD", .unitedStates, "1200000", .usd),
            ("$ 450,000 CAD", .unitedStates, "450000", .cad),
            ("C$ 899,900", .canada, "899900", .cad),
            ("EUR 250.000", .germany, "250000", .eur),
            ("250000 eur", .unitedStates, "250000", .eur),
            ("£350,000", .unitedStates, "350000", .gbp),
            ("$.5M", .unitedStates, "500000", .usd),
            ("$130,000 obo", .unitedStates, "130000", .usd),
            ("CHF 1'250'000", .germany, "1250000", .chf),
            ("50000000 JPY", .unitedStates, "50000000", CurrencyCode(rawValue: "JPY")!),
        ]
    )
    func readsPrices(input: String, country: Country, amount: String, currency: CurrencyCode) throws {
        let money = try MoneyParser(country: country).parse(input)

        #expect(money == MonetaryAmount(amount: try #require(Decimal(string: amount)), currency: currency))
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            ("", ParseError.Code.empty),
            ("n/a", .missingValue),
            ("abc", .malformed),
            ("$", .malformed),
            ("💰💰", .malformed),
            ("-5 €", .negative),
            ("-$130,000", .negative),
            ("$-130,000", .negative),
            ("$0", .outOfRange),
            ("$99,999,999,999,999", .outOfRange),
            ("130000 XYZ", .unknownCurrency),
            ("130000 all", .malformed),
            ("€ 130.000 USD", .ambiguous),
            ("$130,000 per month", .malformed),
            ("1.2M - 1.5M", .malformed),
            ("k 450", .malformed),
            ("450 k k", .malformed),
            ("130 000 🏠", .malformed),
        ]
    )
    func rejectsGarbage(input: String, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try MoneyParser(country: .unitedStates).parse(input) }
        #expect(error?.code == code)
    }

    @Test("configured symbols add a currency")
    func configuredSymbolsAddCurrency() throws {
        let zloty = try #require(CurrencyCode(rawValue: "PLN"))
        let symbols = CurrencySymbols.standard.merging(CurrencySymbols(["zł": zloty]))
        let parser = MoneyParser(defaultCurrency: .eur, convention: .decimalComma, symbols: symbols)

        #expect(try parser.parse("450.000 zł") == MonetaryAmount(amount: 450_000, currency: zloty))
    }

    @Test(
        "currency codes are three letters in upper case",
        arguments: [
            ("usd", "USD" as String?), ("Eur", "EUR"), ("US", nil), ("USDT", nil), ("U$D", nil), ("ÄÖÜ", nil),
        ]
    )
    func currencyCodesAreThreeLetters(text: String, expected: String?) {
        #expect(CurrencyCode(rawValue: text)?.rawValue == expected)
    }
}

@Suite("ExchangeRates")
struct ExchangeRatesTests {
    let rates = ExchangeRates(base: .eur, rates: [.usd: Decimal(108) / 100, .cad: Decimal(147) / 100])

    @Test(
        "converts through the base currency and rounds to cents",
        arguments: [
            ("130000", CurrencyCode.cad, CurrencyCode.eur, "88435.37"),
            ("100", .usd, .cad, "136.11"),
            ("100", .eur, .usd, "108"),
            ("250000", .eur, .eur, "250000"),
        ]
    )
    func convertsThroughBase(amount: String, from source: CurrencyCode, to target: CurrencyCode, expected: String)
        throws
    {
        let money = MonetaryAmount(amount: try #require(Decimal(string: amount)), currency: source)

        let converted = try money.converted(to: target, using: rates)

        #expect(converted == MonetaryAmount(amount: try #require(Decimal(string: expected)), currency: target))
    }

    @Test("a currency without a positive rate cannot be converted", arguments: [CurrencyCode.gbp, .chf])
    func currencyWithoutRateCannotBeConverted(currency: CurrencyCode) {
        let withZeroRate = ExchangeRates(base: .eur, rates: [.chf: 0])

        let error = #expect(throws: ParseError.self) {
            try withZeroRate.convert(MonetaryAmount(amount: 100, currency: .eur), to: currency)
        }
        #expect(error?.code == .missingExchangeRate)
    }

    @Test("rates are loaded from configuration data")
    func ratesAreLoadedFromData() throws {
        let json = #"{"base": "EUR", "rates": {"USD": 1.08, "CAD": 1.47}}"#

        let loaded = try JSONDecoder().decode(ExchangeRates.self, from: Data(json.utf8))

        #expect(loaded.base == .eur)
        #expect(try loaded.rate(from: .usd, to: .cad) == rates.rate(from: .usd, to: .cad))
    }

    @Test("configuration with a malformed currency code is rejected")
    func malformedCurrencyCodeIsRejected() {
        let json = #"{"base": "EURO", "rates": {}}"#

        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ExchangeRates.self, from: Data(json.utf8)) }
    }
}
