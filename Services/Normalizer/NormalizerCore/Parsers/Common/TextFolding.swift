import Foundation

/// Text transformations that make spelling variants compare equal.
enum TextFolding {
    /// Lowercases, spells German umlauts and `ß` out (`ä` → `ae`, `ß` → `ss`),
    /// strips every other diacritic (`é` → `e`) and collapses whitespace.
    static func folded(_ text: some StringProtocol) -> String {
        // ASCII and Latin letters fold byte by byte (the common case, and far cheaper than a
        // canonical decomposition).
        latinWords(text, folding: true, keeping: { !isASCIIWhitespace($0) }) ?? foldedByUnicode(text)
    }

    /// ``folded(_:)`` with everything but letters and digits turned into single
    /// spaces: `"Central A/C"` → `"central a c"`.
    static func foldedWords(_ text: some StringProtocol) -> String {
        latinFoldedWords(text) ?? wordsByUnicode(foldedByUnicode(text))
    }

    /// ``foldedWords(_:)`` when `text` holds only ASCII and the Latin letters of
    /// ``latinLetterFolds``, else `nil`: the cheap case, without Unicode normalization.
    static func latinFoldedWords(_ text: some StringProtocol) -> String? {
        latinWords(text, folding: true, keeping: isASCIILetterOrDigit)
    }

    /// ``folded(_:)`` by Unicode: lower case, umlauts spelled out, canonical decomposition
    /// without the marks, whitespace collapsed; the definition the byte-wise path follows
    /// (``latinLetterFolds`` is built with it, so it must never call ``folded(_:)`` or
    /// ``foldedWords(_:)``).
    static func foldedByUnicode(_ text: some StringProtocol) -> String {
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

    /// Folded text with everything but letters and digits turned into single spaces.
    private static func wordsByUnicode(_ folded: String) -> String {
        collapsingWhitespace(String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " }))
    }

    /// The ASCII lower-case letters each letter of U+0080–U+07FF (two bytes in UTF-8) folds to
    /// by ``foldedByUnicode(_:)``, indexed by its scalar value less 0x80; `nil` for the
    /// others: not letters, letters folding to anything but ASCII letters (`ø`, Greek,
    /// Cyrillic), or to nothing (letters that are marks, such as U+0345). Folding has no
    /// context for the letters in the table (each is one grapheme, its lower case and
    /// decomposition its own), so a text of ASCII and these letters folds one by one.
    private static let latinLetterFolds: [[UInt8]?] = (0x80...0x7FF).map { value in
        guard let scalar = Unicode.Scalar(value), Character(scalar).isLetter else { return nil }
        let folded = Array(foldedByUnicode(String(Character(scalar))).utf8)
        return !folded.isEmpty && folded.allSatisfy({ (0x61...0x7A).contains($0) }) ? folded : nil
    }

    /// Whether every character of `text` is ASCII: the byte-by-byte fast paths below give the
    /// same as `Character`-wise work for such text.
    static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `text` byte by byte: lowercased and with the letters of ``latinLetterFolds`` folded if
    /// `folding`, with every run of ASCII bytes `keeping` refuses turned into one space and
    /// none at either end; `nil` when `text` holds anything else (any non-ASCII character
    /// when not `folding`), for which `Character`-wise work decides. For ASCII text this gives
    /// exactly what `Character`s would.
    private static func latinWords(_ text: some StringProtocol, folding: Bool, keeping: (UInt8) -> Bool) -> String? {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count)
        var separated = false
        func append(_ kept: some Collection<UInt8>) {
            if separated, !words.isEmpty { words.append(0x20) }
            separated = false
            words.append(contentsOf: kept)
        }
        var lead: UInt8?
        for byte in text.utf8 {
            if let first = lead {
                lead = nil
                guard byte & 0xC0 == 0x80, let letters = latinLetterFolds[(Int(first & 0x1F) << 6 | Int(byte & 0x3F)) - 0x80]
                else { return nil }
                append(letters)
            } else if byte >= 0x80 {
                guard folding, (0xC2...0xDF).contains(byte) else { return nil }
                lead = byte
            } else {
                let lower = folding && (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                if keeping(lower) { append(CollectionOfOne(lower)) } else { separated = true }
            }
        }
        guard lead == nil else { return nil }
        return String(decoding: words, as: UTF8.self)
    }

    /// ASCII lower-case letters and digits: what ``foldedWords(_:)`` keeps of folded text.
    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
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
        if let collapsed = latinWords(text, folding: false, keeping: { !isASCIIWhitespace($0) }) { return collapsed }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The text without the spaces (any Unicode space separator) and tabs at either end, as
    /// Foundation's `trimmingCharacters(in: .whitespaces)` trims; line breaks stay. ASCII text
    /// is trimmed byte by byte.
    static func trimmingSpaces(_ text: some StringProtocol) -> String {
        trimmingASCII(text, trimming: { $0 == 0x20 || $0 == 0x09 }) ?? text.trimmingCharacters(in: .whitespaces)
    }

    /// The text without whitespace and line breaks at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims. ASCII text is trimmed byte by
    /// byte.
    static func trimmingWhitespace(_ text: some StringProtocol) -> String {
        trimmingASCII(text, trimming: isASCIIWhitespace) ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// ASCII `text` without the bytes `trimming` holds for at either end; `nil` for any other
    /// text.
    private static func trimmingASCII(_ text: some StringProtocol, trimming: (UInt8) -> Bool) -> String? {
        guard isASCII(text) else { return nil }
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !trimming($0) }), let last = bytes.lastIndex(where: { !trimming($0) }) else {
            return ""
        }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
