import Foundation

/// Text transformations that make spelling variants compare equal.
enum TextFolding {
    /// Lowercases, spells German umlauts and `ß` out (`ä` → `ae`, `ß` → `ss`),
    /// strips every other diacritic (`é` → `e`) and collapses whitespace.
    static func folded(_ text: some StringProtocol) -> String {
        // ASCII text has no umlauts and no marks: lowercasing is all there is to do (the
        // common case, and far cheaper than a canonical decomposition).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiWords(text, keeping: { !isASCIIWhitespace($0) })
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
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiWords(text) { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        }
        let folded = folded(text)
        return collapsingWhitespace(String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " }))
    }

    /// ASCII `text` lowercased, with every run of bytes `keeping` refuses turned into one space
    /// and none at either end; byte by byte, as `Character`s would give the same for ASCII.
    private static func asciiWords(_ text: some StringProtocol, keeping: (UInt8) -> Bool) -> String {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count)
        var separated = false
        for byte in text.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            guard keeping(lower) else {
                separated = true
                continue
            }
            if separated, !words.isEmpty { words.append(0x20) }
            separated = false
            words.append(lower)
        }
        return String(decoding: words, as: UTF8.self)
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII characters
    /// `Character.isWhitespace` holds for.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Trims the text and turns every run of whitespace into one space.
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
