import Foundation

/// Reads a price such as `130000`, `$130,000`, `130.000 €`, `CAD 450k`,
/// `€ 1,2 Mio.` or `US$ 1.2M` into an amount and an ISO currency.
///
/// The number follows ``NumberParser``'s separator rules. Before it may come a
/// currency and a minus sign (which is rejected); after it a multiplier (`k`,
/// `M`, `Mio.`, `million`), a currency, the German no-cents mark (`130.000,-`)
/// and the qualifiers `VB` and `obo`. Currency rules: a price that names none is
/// in ``defaultCurrency``; a bare `$` is ``dollarSignCurrency`` unless an
/// explicit currency (`USD`, `C$`) is also given, which then wins; two different
/// explicit currencies are ``ParseError/Code/ambiguous``. The currency never
/// changes the number convention: `$130,000` under
/// ``NumberConvention/decimalComma`` is 130 dollars.
public struct MoneyParser: Sendable {
    /// The plausible range used unless another is given.
    public static let defaultPlausibleRange: ClosedRange<Decimal> = 1...10_000_000_000

    /// The currency of a price that names none.
    public let defaultCurrency: CurrencyCode
    /// The currency a bare `$` stands for.
    public let dollarSignCurrency: CurrencyCode
    /// Settles `1,200` versus `1.200`.
    public let convention: NumberConvention
    /// Amounts outside this range, in the price's own currency, are rejected as absurd.
    public let plausibleRange: ClosedRange<Decimal>
    private let scanner: MoneyAffix.Scanner

    /// The marks that say a German price has no cents: `130.000,-`.
    private static let noCentsMarks = [",--", ",-", ",–", ".-", ".–"]

    /// Creates a parser.
    /// - Parameters:
    ///   - defaultCurrency: The currency of a price that names none.
    ///   - dollarSignCurrency: The currency a bare `$` stands for.
    ///   - convention: How numbers are written.
    ///   - symbols: The currency spellings understood.
    ///   - plausibleRange: Accepted amounts.
    public init(
        defaultCurrency: CurrencyCode,
        dollarSignCurrency: CurrencyCode = .usd,
        convention: NumberConvention,
        symbols: CurrencySymbols = .standard,
        plausibleRange: ClosedRange<Decimal> = Self.defaultPlausibleRange
    ) {
        self.defaultCurrency = defaultCurrency
        self.dollarSignCurrency = dollarSignCurrency
        self.convention = convention
        self.plausibleRange = plausibleRange
        scanner = symbols.scanner
    }

    /// Creates a parser with the country's currency and number convention; a bare
    /// `$` is the Canadian dollar in Canada and the US dollar elsewhere.
    public init(
        country: Country,
        symbols: CurrencySymbols = .standard,
        plausibleRange: ClosedRange<Decimal> = Self.defaultPlausibleRange
    ) {
        self.init(
            defaultCurrency: country.defaultCurrency,
            dollarSignCurrency: country == .canada ? .cad : .usd,
            convention: country.numberConvention,
            symbols: symbols,
            plausibleRange: plausibleRange
        )
    }

    /// Reads a price.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue``, ``ParseError/Code/malformed``,
    ///   ``ParseError/Code/negative``, ``ParseError/Code/outOfRange``,
    ///   ``ParseError/Code/unknownCurrency`` or ``ParseError/Code/ambiguous``.
    public func parse(_ input: String) throws(ParseError) -> MonetaryAmount {
        let text = ApproximationMarker.stripped(try InputScreening.value(input)[...])
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        guard let firstDigit = text.firstIndex(where: isDigit), let lastDigit = text.lastIndex(where: isDigit)
        else {
            throw ParseError(.malformed, reason: "no amount in the price", input: input)
        }
        let start = Self.startIncludingLeadingSeparator(of: text, firstDigit: firstDigit)
        let numeral = try Numeral(text[start...lastDigit], convention: convention, input: input)
        let prefix = try scanner.affixes(in: text[..<start], input: input)
        let suffix = try scanner.affixes(
            in: Self.droppingNoCentsMark(text[text.index(after: lastDigit)...]),
            input: input
        )

        let multipliers = suffix.compactMap { affix -> Decimal? in
            if case .multiplier(let factor) = affix { factor } else { nil }
        }
        let misplaced = prefix.contains { if case .multiplier = $0 { true } else { false } } || suffix.contains(.minus)
        guard !misplaced, multipliers.count <= 1 else {
            throw ParseError(.malformed, reason: "signs or multipliers out of place", input: input)
        }
        guard !prefix.contains(.minus) else {
            throw ParseError(.negative, reason: "a price cannot be negative", input: input)
        }
        let amount = numeral.value * (multipliers.first ?? 1)
        guard plausibleRange.contains(amount) else {
            throw ParseError(.outOfRange, reason: "\(amount) is outside the plausible \(plausibleRange)", input: input)
        }
        return MonetaryAmount(amount: amount, currency: try currency(in: prefix + suffix, input: input))
    }

    private func currency(in affixes: [MoneyAffix], input: String) throws(ParseError) -> CurrencyCode {
        var explicit: Set<CurrencyCode> = []
        var hasDollarSign = false
        for affix in affixes {
            switch affix {
            case .currency(let currency): explicit.insert(currency)
            case .dollarSign: hasDollarSign = true
            case .multiplier, .minus, .qualifier: break
            }
        }
        guard explicit.count <= 1 else {
            let names = explicit.map(\.rawValue).sorted().joined(separator: ", ")
            throw ParseError(.ambiguous, reason: "the price names several currencies: \(names)", input: input)
        }
        return explicit.first ?? (hasDollarSign ? dollarSignCurrency : defaultCurrency)
    }

    /// Moves the start of the amount back over a separator that begins it (`$.5M`),
    /// unless the separator ends an abbreviation (`Fr.5`).
    private static func startIncludingLeadingSeparator(of text: Substring, firstDigit: Substring.Index)
        -> Substring.Index
    {
        guard firstDigit > text.startIndex else { return firstDigit }
        let separator = text.index(before: firstDigit)
        guard text[separator] == "." || text[separator] == "," else { return firstDigit }
        guard separator > text.startIndex else { return separator }
        return text[text.index(before: separator)].isLetter ? firstDigit : separator
    }

    private static func droppingNoCentsMark(_ suffix: Substring) -> Substring {
        for mark in noCentsMarks where suffix.hasPrefix(mark) {
            return suffix.dropFirst(mark.count)
        }
        return suffix
    }
}
