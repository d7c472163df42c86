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
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - seconds * 1000)
        let base = wholeSeconds.format(Date(timeIntervalSince1970: seconds))
        let digits = String(fraction)
        let padded = String(repeating: "0", count: 3 - digits.count) + digits
        return "\(base.dropLast()).\(padded)Z"
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
