import Foundation

/// Spellings that name a currency next to an amount: `€`, `US$`, `C$`, `Euro`.
///
/// The spellings in the table match in any case. Beyond them, every ISO 4217
/// code Foundation knows matches when written in capitals (`JPY`); in lower case
/// many codes are ordinary words (`all`, `try`, `cup`), so only the table's own
/// spellings (`usd`, `eur`, …) match that way. The bare `$` is not in the table:
/// which dollar it means depends on the region (see
/// ``MoneyParser/dollarSignCurrency``).
public struct CurrencySymbols: Sendable, Equatable {
    /// Lowercased spelling → currency.
    let currenciesBySpelling: [String: CurrencyCode]
    /// The affixes of a price with these spellings, built once rather than per parser.
    let scanner: MoneyAffix.Scanner

    /// Every ISO 4217 code Foundation knows, in capitals.
    static let isoCodes: [String: CurrencyCode] = Dictionary(
        Locale.commonISOCurrencyCodes.compactMap { code in CurrencyCode(rawValue: code).map { (code, $0) } },
        uniquingKeysWith: { first, _ in first }
    )

    /// Creates a table from spellings to currencies.
    public init(_ currenciesBySpelling: [String: CurrencyCode]) {
        self.currenciesBySpelling = Dictionary(
            currenciesBySpelling.map { ($0.key.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        scanner = MoneyAffix.Scanner(currenciesBySpelling: self.currenciesBySpelling)
    }

    /// Tables with the same spellings are equal.
    public static func == (left: CurrencySymbols, right: CurrencySymbols) -> Bool {
        left.currenciesBySpelling == right.currenciesBySpelling
    }

    /// This table with another's spellings added; the other wins on a clash.
    public func merging(_ other: CurrencySymbols) -> CurrencySymbols {
        CurrencySymbols(currenciesBySpelling.merging(other.currenciesBySpelling) { _, theirs in theirs })
    }

    /// Codes, symbols and names of the currencies of the current regions and
    /// their neighbours.
    public static let standard = CurrencySymbols([
        "usd": .usd, "us$": .usd, "u.s.$": .usd, "us-dollar": .usd,
        "cad": .cad, "c$": .cad, "ca$": .cad, "can$": .cad, "cdn$": .cad,
        "eur": .eur, "€": .eur, "euro": .eur, "euros": .eur,
        "gbp": .gbp, "£": .gbp,
        "chf": .chf, "fr.": .chf,
    ])
}
