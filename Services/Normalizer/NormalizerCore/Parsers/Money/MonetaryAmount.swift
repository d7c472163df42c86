import Foundation

/// An amount of money in a currency.
public struct MonetaryAmount: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount, in units of the currency (not cents).
    public var amount: Decimal
    /// The currency.
    public var currency: CurrencyCode

    /// Creates an amount of money.
    public init(amount: Decimal, currency: CurrencyCode) {
        self.amount = amount
        self.currency = currency
    }

    /// This amount in another currency; see ``ExchangeRates/convert(_:to:fractionDigits:)``.
    public func converted(
        to currency: CurrencyCode,
        using rates: ExchangeRates,
        fractionDigits: Int = ExchangeRates.defaultFractionDigits
    ) throws(ParseError) -> MonetaryAmount {
        try rates.convert(self, to: currency, fractionDigits: fractionDigits)
    }

    /// The amount followed by the currency code: `130000 CAD`.
    public var description: String { "\(amount) \(currency)" }
}
