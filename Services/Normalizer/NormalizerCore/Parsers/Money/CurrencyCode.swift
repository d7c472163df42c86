import Foundation

/// An ISO 4217 currency code such as `USD`: three ASCII letters, upper case.
public struct CurrencyCode: RawRepresentable, Sendable, Hashable, Codable, CodingKeyRepresentable,
    CustomStringConvertible
{
    /// The three upper-case letters.
    public let rawValue: String

    /// Creates a code from three ASCII letters in any case, or `nil` for anything else.
    /// Whether ISO 4217 assigns the code is not checked.
    public init?(rawValue: String) {
        guard rawValue.count == 3, rawValue.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        self.rawValue = rawValue.uppercased()
    }

    public var description: String { rawValue }

    /// United States dollar.
    public static let usd = CurrencyCode(uncheckedCode: "USD")
    /// Canadian dollar.
    public static let cad = CurrencyCode(uncheckedCode: "CAD")
    /// Euro.
    public static let eur = CurrencyCode(uncheckedCode: "EUR")
    /// Pound sterling.
    public static let gbp = CurrencyCode(uncheckedCode: "GBP")
    /// Swiss franc.
    public static let chf = CurrencyCode(uncheckedCode: "CHF")

    private init(uncheckedCode: String) {
        rawValue = uncheckedCode
    }
}
