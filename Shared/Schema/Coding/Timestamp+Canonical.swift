import Foundation

extension Timestamp {
    /// Parses the form ``string(from:)`` writes — `2024-05-01T12:00:00.250Z`, with zero to
    /// nine fractional digits, a `Z` zone and a year from 1900 — without a date formatter;
    /// `nil` for any other text, including impossible dates, which ``date(from:)`` then
    /// judges.
    ///
    /// For every text it accepts, the result is bit for bit the one ``date(from:)`` returns:
    /// the same whole second, and the fraction rounded to milliseconds the same way.
    static func canonicalDate(from text: UnsafeBufferPointer<UInt8>) -> Date? {
        let count = text.count
        guard count == 20 || (22...30).contains(count), text[count - 1] == UInt8(ascii: "Z"),
            text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: "T"),
            text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
            let year = number(text, 0, 4), let month = number(text, 5, 2), let day = number(text, 8, 2),
            let hour = number(text, 11, 2), let minute = number(text, 14, 2), let second = number(text, 17, 2),
            year >= 1900, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var fractionMilliseconds = 0.0
        if count > 20 {
            let digits = count - 22
            guard text[19] == UInt8(ascii: "."), let fraction = number(text, 20, digits + 1) else { return nil }
            fractionMilliseconds = (Double(fraction) / decimalPowers[digits + 1] * 1000).rounded()
        }
        let seconds = (daysSince1970(year: year, month: month, day: day) * 24 + hour) * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: (Double(seconds) * 1000 + fractionMilliseconds) / 1000)
    }

    private static let decimalPowers: [Double] = (0...9).map { (0..<$0).reduce(1.0) { power, _ in power * 10 } }

    /// The decimal digits `text[start..<start + length]` as a number; `nil` if one is not a digit.
    private static func number(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for byte in text[start..<start + length] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given day of the Gregorian calendar.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
