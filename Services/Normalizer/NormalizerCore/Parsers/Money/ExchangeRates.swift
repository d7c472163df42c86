import Foundation

/// Exchange rates against one base currency, loaded from configuration.
///
/// With base `EUR`, a rate of `1.08` for `USD` means one euro buys 1.08 dollars.
/// Encoded as `{"base": "EUR", "rates": {"USD": 1.08, "CAD": 1.47}}`.
public struct ExchangeRates: Sendable, Equatable, Codable {
    /// Converted amounts are rounded to this many decimals unless told otherwise.
    public static let defaultFractionDigits = 2

    /// The currency every rate is quoted against.
    public var base: CurrencyCode
    /// Units of each currency that one unit of ``base`` buys.
    public var rates: [CurrencyCode: Decimal]

    /// Creates a table of rates.
    /// - Parameters:
    ///   - base: The currency every rate is quoted against.
    ///   - rates: Units of each currency that one unit of `base` buys.
    public init(base: CurrencyCode, rates: [CurrencyCode: Decimal]) {
        self.base = base
        self.rates = rates
    }

    /// How many units of `target` one unit of `source` buys.
    /// - Throws: ``ParseError/Code/missingExchangeRate`` if either currency has no
    ///   positive rate.
    public func rate(from source: CurrencyCode, to target: CurrencyCode) throws(ParseError) -> Decimal {
        try unitsPerBase(target) / unitsPerBase(source)
    }

    /// Converts money into another currency, rounding half away from zero.
    /// - Parameters:
    ///   - money: The amount to convert.
    ///   - target: The currency wanted.
    ///   - fractionDigits: The decimals to keep (2 for cents).
    /// - Throws: ``ParseError/Code/missingExchangeRate`` if either currency has no
    ///   positive rate.
    public func convert(
        _ money: MonetaryAmount,
        to target: CurrencyCode,
        fractionDigits: Int = Self.defaultFractionDigits
    ) throws(ParseError) -> MonetaryAmount {
        guard money.currency != target else { return money }
        var exact = money.amount * (try unitsPerBase(target)) / (try unitsPerBase(money.currency))
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, fractionDigits, .plain)
        return MonetaryAmount(amount: rounded, currency: target)
    }

    private func unitsPerBase(_ currency: CurrencyCode) throws(ParseError) -> Decimal {
        if currency == base {
            return 1
        }
        guard let rate = rates[currency], rate > 0 else {
            throw ParseError(
                .missingExchangeRate,
                reason: "no positive exchange rate between \(base) and \(currency)",
                input: currency.rawValue
            )
        }
        return rate
    }
}
