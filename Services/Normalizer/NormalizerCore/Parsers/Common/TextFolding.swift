import Foundation

/// Text transformations that make spelling variants compare equal.
enum TextFolding {
    /// Lowercases, spells German umlauts and `ß` out (`ä` → `ae`, `ß` → `ss`),
    /// strips every other diacritic (`é` → `e`) and collapses whitespace.
    static func folded(_ text: some StringProtocol) -> String {
        // ASCII text has no umlauts and no marks: lowercasing is all there is to do (the
        // common case, and far cheaper than a canonical decomposition).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return collapsingWhitespace(text.lowercased())
        }
        var spelledOut = ""
        for character in text.lowercased() {
            switch character {
            case "ä": spelledOut += "ae"
            case "ö": spelledOut += "oe"
            case "ü": spelledOut += "ue"
            case "ß", "ẞ": spelledOut += "ss"
            default: spelledOut.append(character)
            }
        }
        let withoutMarks = spelledOut.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        return collapsingWhitespace(String(String.UnicodeScalarView(withoutMarks)))
    }

    /// ``folded(_:)`` with everything but letters and digits turned into single
    /// spaces: `"Central A/C"` → `"central a c"`.
    static func foldedWords(_ text: some StringProtocol) -> String {
        let folded = folded(text)
        return collapsingWhitespace(String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " }))
    }

    /// Trims the text and turns every run of whitespace into one space.
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
