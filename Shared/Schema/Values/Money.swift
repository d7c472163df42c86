/// An amount of money in a given currency.
public struct Money: Codable, Sendable, Equatable {
    /// The amount in major units of ``currency`` (dollars, euros), for example `450000`.
    public var amount: Double

    /// The ISO 4217 currency code, for example `"USD"`, `"CAD"` or `"EUR"`.
    public var currency: String

    /// Creates an amount of money.
    ///
    /// - Parameters:
    ///   - amount: The amount in major units of `currency`.
    ///   - currency: The ISO 4217 currency code.
    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}
