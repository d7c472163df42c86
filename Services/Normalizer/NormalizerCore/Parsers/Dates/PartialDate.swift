import Foundation

/// A calendar date known to the year, the month or the day: `1990`, `1990-05`,
/// `1990-05-17`. Always a valid date of the proleptic Gregorian calendar.
public struct PartialDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The year, such as 1990.
    public let year: Int
    /// The month, 1 to 12, if known.
    public let month: Int?
    /// The day of the month, if known; only present with a month.
    public let day: Int?

    /// Creates a date, or `nil` if the parts do not form a valid date (month 13,
    /// February 30, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.numberOfDays(inMonth: month, year: year)).contains(day) else {
                return nil
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days in a month of the Gregorian calendar.
    static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return isLeapYear ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// ISO 8601 with as many parts as are known: `1990`, `1990-05`, `1990-05-17`.
    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// Orders by year, then month, then day; an unknown part sorts first.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    private enum CodingKeys: String, CodingKey {
        case year, month, day
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decode(Int.self, forKey: .year)
        let month = try container.decodeIfPresent(Int.self, forKey: .month)
        let day = try container.decodeIfPresent(Int.self, forKey: .day)
        guard let date = PartialDate(year: year, month: month, day: day) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a valid date")
            )
        }
        self = date
    }
}
