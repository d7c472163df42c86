import Foundation
import Schema

extension MonetaryAmount {
    /// This amount as the schema's ``Schema/Money``.
    public var money: Money {
        Money(amount: NSDecimalNumber(decimal: amount).doubleValue, currency: currency.rawValue)
    }
}
