import Foundation

/// Reads a date known to the year, month or day, as sources write it.
///
/// Accepted shapes (separators `-`, `/`, `.`, spaces and commas; ordinals such as
/// `17th` allowed):
/// - year: `1990`
/// - year and month: `1990-05`, `05/1990`, `5.1990`, `May 1990`, `1990 May`,
///   `Mai 1990`, `März 1990`
/// - full dates: `1990-05-17` (also with a time of day, which is dropped),
///   `17.05.1990`, `05/17/1990`, `17 May 1990`, `17. Mai 1990`, `May 17, 1990`,
///   `1990 May 17`
///
/// Ambiguity rules: years must have four digits (`05/90` is malformed). Numbers
/// first in year order (`1990-05-17`) are always year, month, day. Dotted dates
/// (`17.05.1990`) are always day first. In slashed or dashed dates ending in the
/// year, a part above 12 must be the day; when both parts are 12 or less and
/// differ, ``numericOrder`` decides, and without one the date is
/// ``ParseError/Code/ambiguous``.
public struct DateParser: Sendable {
    /// The years accepted unless others are given.
    public static let defaultPlausibleYears: ClosedRange<Int> = 1000...2100

    /// The order of day and month in `05/06/1990`, or `nil` to reject such dates.
    public var numericOrder: NumericDateOrder?
    /// The month names understood.
    public var monthNames: MonthNames
    /// Years outside this range are rejected as absurd.
    public var plausibleYears: ClosedRange<Int>

    /// Creates a parser.
    /// - Parameters:
    ///   - numericOrder: The order of day and month in `05/06/1990`, or `nil`
    ///     when neither order can be assumed.
    ///   - monthNames: The month names understood.
    ///   - plausibleYears: The years accepted.
    public init(
        numericOrder: NumericDateOrder?,
        monthNames: MonthNames = .englishAndGerman,
        plausibleYears: ClosedRange<Int> = Self.defaultPlausibleYears
    ) {
        self.numericOrder = numericOrder
        self.monthNames = monthNames
        self.plausibleYears = plausibleYears
    }

    /// Creates a parser with the country's numeric date order.
    public init(country: Country, plausibleYears: ClosedRange<Int> = Self.defaultPlausibleYears) {
        self.init(numericOrder: country.numericDateOrder, plausibleYears: plausibleYears)
    }

    /// Reads a date.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue``, ``ParseError/Code/malformed``,
    ///   ``ParseError/Code/ambiguous`` or ``ParseError/Code/outOfRange``.
    public func parse(_ input: String) throws(ParseError) -> PartialDate {
        let text = String(ApproximationMarker.stripped(Substring(try InputScreening.value(input))))
        let tokens = try DateTokens(Self.droppingTimeOfDay(text), input: input)
        switch tokens.shape {
        case "n":
            return try date(year: tokens[0], input: input)
        case "nn" where tokens[0].count == 4:
            return try date(year: tokens[0], month: dayOrMonth(tokens[1], input), input: input)
        case "nn":
            return try date(year: tokens[1], month: dayOrMonth(tokens[0], input), input: input)
        case "nnn" where tokens[0].count == 4:
            let month = try dayOrMonth(tokens[1], input)
            return try date(year: tokens[0], month: month, day: dayOrMonth(tokens[2], input), input: input)
        case "nnn":
            return try numericDate(tokens, input: input)
        case "wn":
            return try date(year: tokens[1], month: month(named: tokens[0], input), input: input)
        case "nw":
            return try date(year: tokens[0], month: month(named: tokens[1], input), input: input)
        case "nwn" where tokens[0].count == 4:
            let month = try month(named: tokens[1], input)
            return try date(year: tokens[0], month: month, day: dayOrMonth(tokens[2], input), input: input)
        case "nwn":
            let month = try month(named: tokens[1], input)
            return try date(year: tokens[2], month: month, day: dayOrMonth(tokens[0], input), input: input)
        case "wnn":
            let month = try month(named: tokens[0], input)
            return try date(year: tokens[2], month: month, day: dayOrMonth(tokens[1], input), input: input)
        default:
            throw ParseError(.malformed, reason: "not a date", input: input)
        }
    }

    /// A day and month in either order followed by the year: `17/05/1990`.
    private func numericDate(_ tokens: DateTokens, input: String) throws(ParseError) -> PartialDate {
        let first = try dayOrMonth(tokens[0], input)
        let second = try dayOrMonth(tokens[1], input)
        let order: NumericDateOrder
        if tokens.separators == ["."] || first > 12 || first == second {
            order = .dayFirst
        } else if second > 12 {
            order = .monthFirst
        } else if let numericOrder {
            order = numericOrder
        } else {
            throw ParseError(
                .ambiguous,
                reason: "day and month could be either way round and the region does not say",
                input: input
            )
        }
        switch order {
        case .dayFirst:
            return try date(year: tokens[2], month: second, day: first, input: input)
        case .monthFirst:
            return try date(year: tokens[2], month: first, day: second, input: input)
        }
    }

    private func month(named name: Substring, _ input: String) throws(ParseError) -> Int {
        guard let month = monthNames.month(named: name) else {
            throw ParseError(.malformed, reason: "'\(name)' is not a month", input: input)
        }
        return month
    }

    private func dayOrMonth(_ text: Substring, _ input: String) throws(ParseError) -> Int {
        guard text.count <= 2, let number = Int(text) else {
            throw ParseError(.malformed, reason: "a day or month has one or two digits", input: input)
        }
        return number
    }

    private func date(
        year yearText: Substring,
        month: Int? = nil,
        day: Int? = nil,
        input: String
    ) throws(ParseError) -> PartialDate {
        guard yearText.count == 4, let year = Int(yearText) else {
            throw ParseError(.malformed, reason: "the year must have four digits", input: input)
        }
        guard plausibleYears.contains(year) else {
            throw ParseError(
                .outOfRange,
                reason: "year \(year) is outside the plausible \(plausibleYears)",
                input: input
            )
        }
        guard let date = PartialDate(year: year, month: month, day: day) else {
            throw ParseError(.outOfRange, reason: "no such day or month", input: input)
        }
        return date
    }

    /// `1990-05-17T10:30:00Z` and `1990-05-17 10:30` without the time of day.
    private static func droppingTimeOfDay(_ text: String) -> Substring {
        var scanner = ASCIIScanner(text)
        guard scanner.digits(4...4) != nil, scanner.skip(oneOf: "-"), scanner.digits(2...2) != nil, scanner.skip(oneOf: "-"),
            scanner.digits(2...2) != nil
        else { return text[...] }
        let day = scanner.consumed
        guard scanner.skip(oneOf: "T "), scanner.digits(2...2) != nil, scanner.skip(oneOf: ":"), scanner.digits(2...2) != nil
        else { return text[...] }
        return day[...]
    }
}
