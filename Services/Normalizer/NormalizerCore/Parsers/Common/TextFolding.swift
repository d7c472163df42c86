import Foundation

/// Text transformations that make spelling variants compare equal.
enum TextFolding {
    /// Lowercases, spells German umlauts and `ß` out (`ä` → `ae`, `ß` → `ss`),
    /// strips every other diacritic (`é` → `e`) and collapses whitespace.
    static func folded(_ text: some StringProtocol) -> String {
        // ASCII text has no umlauts and no marks: lowercasing is all there is to do (the
        // common case, and far cheaper than a canonical decomposition).
        if isASCII(text) {
            return asciiWords(text, lowercasing: true, keeping: { !isASCIIWhitespace($0) })
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
        if isASCII(text) {
            return asciiWords(text, lowercasing: true) { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        }
        let folded = folded(text)
        return collapsingWhitespace(String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " }))
    }

    /// Whether every character of `text` is ASCII: the byte-by-byte fast paths below give the
    /// same as `Character`-wise work for such text.
    static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// ASCII `text` (lowercased if `lowercasing`), with every run of bytes `keeping` refuses
    /// turned into one space and none at either end; byte by byte, as `Character`s would give
    /// the same for ASCII.
    private static func asciiWords(_ text: some StringProtocol, lowercasing: Bool, keeping: (UInt8) -> Bool) -> String {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count)
        var separated = false
        for byte in text.utf8 {
            let lower = lowercasing && (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
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

    /// Whether the text holds whitespace only (or nothing), as `allSatisfy(\.isWhitespace)`.
    static func isBlank(_ text: some StringProtocol) -> Bool {
        if isASCII(text) { return text.utf8.allSatisfy(isASCIIWhitespace) }
        return text.allSatisfy(\.isWhitespace)
    }

    /// Trims the text and turns every run of whitespace into one space.
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        if isASCII(text) { return asciiWords(text, lowercasing: false, keeping: { !isASCIIWhitespace($0) }) }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The text without the spaces (any Unicode space separator) and tabs at either end, as
    /// Foundation's `trimmingCharacters(in: .whitespaces)` trims; line breaks stay. ASCII text
    /// is trimmed byte by byte.
    static func trimmingSpaces(_ text: some StringProtocol) -> String {
        guard isASCII(text) else { return text.trimmingCharacters(in: .whitespaces) }
        let bytes = Array(text.utf8)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
