import Foundation

/// Reads a plain number written the way a region writes numbers.
///
/// Separator rules, in order:
/// 1. Both `.` and `,` present: the one that comes last separates the decimals and
///    must occur once; the other groups thousands (`1,200.5` and `1.200,5` are
///    both 1200.5, whatever the convention).
/// 2. One separator occurring more than once groups thousands (`1.200.000`).
/// 3. One separator occurring once, followed by exactly three digits and preceded
///    by one to three digits that do not start with `0`, is truly ambiguous
///    (`1,200`, `1.200`): the ``NumberConvention`` decides. Under
///    ``NumberConvention/decimalPoint`` `1,200` is 1200 and `1.200` is 1.2; under
///    ``NumberConvention/decimalComma`` the other way round.
/// 4. Any other lone separator separates the decimals (`111,5` and `3.75` in
///    every convention), since it cannot be grouping thousands.
///
/// Spaces (also no-break and thin spaces) and apostrophes may group thousands too.
/// Groups after the first must have exactly three digits, so `12,34,567` is
/// malformed. Only ASCII digits count; at most ``maximumDigits`` of them.
public struct NumberParser: Sendable {
    /// The most digits a number may have.
    public static let maximumDigits = Numeral.maximumDigits

    /// Decides the ambiguous case of a lone separator before three digits.
    public var convention: NumberConvention

    /// Creates a parser for numbers written under the given convention.
    public init(convention: NumberConvention) {
        self.convention = convention
    }

    /// Creates a parser for numbers written the way the country writes them.
    public init(country: Country) {
        self.init(convention: country.numberConvention)
    }

    /// Reads a number with an optional sign, such as `-1.200,5` or `+3`.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue``, ``ParseError/Code/malformed`` or
    ///   ``ParseError/Code/outOfRange`` (too many digits).
    public func parse(_ input: String) throws(ParseError) -> Decimal {
        let text = try InputScreening.value(input)
        return try Numeral(text[...], convention: convention, input: input).value
    }
}
