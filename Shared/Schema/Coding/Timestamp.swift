import Foundation

/// The date-time text format of ``SchemaJSON``: ISO 8601, UTC, millisecond precision.
///
/// Foundation's fractional-second format style truncates rather than rounds, so a decoded
/// `…00.007Z` can re-encode as `…00.006Z`. Here every date is quantised to whole
/// milliseconds on both sides, which makes decode → encode reproduce the text exactly.
enum Timestamp {
    private static let wholeSeconds = Date.ISO8601FormatStyle()

    /// Formats `date` as `yyyy-MM-ddTHH:mm:ss.SSSZ`, rounded to the nearest millisecond.
    static func string(from date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        if let text = civilString(milliseconds: milliseconds) { return text }
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - seconds * 1000)
        let base = wholeSeconds.format(Date(timeIntervalSince1970: seconds))
        let digits = String(fraction)
        let padded = String(repeating: "0", count: 3 - digits.count) + digits
        return "\(base.dropLast()).\(padded)Z"
    }

    /// Milliseconds since 1970 as `yyyy-MM-ddTHH:mm:ss.SSSZ` by calendar arithmetic (the
    /// Gregorian calendar), for the years 1900–9999 (earlier dates go to the format style,
    /// whose calendar is Julian before 1582-10-15);
    /// `nil` outside them.
    private static func civilString(milliseconds: Double) -> String? {
        // 1900-01-01 and 10000-01-01 in milliseconds since 1970.
        guard milliseconds >= -2_208_988_800_000, milliseconds < 253_402_300_800_000 else { return nil }
        let total = Int64(milliseconds)
        let millisecondsPerDay: Int64 = 86_400_000
        let days = total >= 0 ? total / millisecondsPerDay : (total - millisecondsPerDay + 1) / millisecondsPerDay
        let ofDay = total - days * millisecondsPerDay
        // Days to year, month, day (H. Hinnant, "chrono-compatible low-level date algorithms").
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let fields: [(value: Int64, digits: Int, separator: UInt8)] = [
            (year, 4, UInt8(ascii: "-")), (month, 2, UInt8(ascii: "-")), (day, 2, UInt8(ascii: "T")),
            (ofDay / 3_600_000, 2, UInt8(ascii: ":")), (ofDay / 60_000 % 60, 2, UInt8(ascii: ":")),
            (ofDay / 1000 % 60, 2, UInt8(ascii: ".")), (ofDay % 1000, 3, UInt8(ascii: "Z")),
        ]
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var position = 0
            for field in fields {
                var value = field.value
                for offset in stride(from: field.digits - 1, through: 0, by: -1) {
                    buffer[position + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                buffer[position + field.digits] = field.separator
                position += field.digits + 1
            }
            return position
        }
    }

    /// Parses an ISO 8601 date-time with an optional fraction of up to nine digits and a
    /// `Z` or numeric offset; returns `nil` for anything else, including date-only text.
    static func date(from text: String) -> Date? {
        var withoutFraction = text
        var fractionMilliseconds = 0.0
        if let dot = text.firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isWholeNumber }
            let zone = text[digits.endIndex...]
            guard (1...9).contains(digits.count), let zoneStart = zone.first, "Z+-".contains(zoneStart),
                let fraction = Double("0.\(digits)")
            else { return nil }
            fractionMilliseconds = (fraction * 1000).rounded()
            withoutFraction = String(text[..<dot] + text[digits.endIndex...])
        }
        guard let whole = try? wholeSeconds.parse(withoutFraction) else { return nil }
        let milliseconds = whole.timeIntervalSince1970 * 1000 + fractionMilliseconds
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }
}
