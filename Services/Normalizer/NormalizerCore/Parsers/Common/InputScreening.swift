import Foundation

/// The first check every parser makes: is there a value at all?
enum InputScreening {
    /// Placeholders for "no value", compared after ``TextFolding/foldedWords(_:)``
    /// with the spaces removed, so `n/a`, `N.A.` and `k. A.` all match.
    private static let placeholders: Set<String> = [
        "na", "none", "null", "nil", "nan", "unknown", "tbd", "notavailable",
        "ka", "keineangabe", "unbekannt",
    ]

    /// The length of the longest of ``placeholders``.
    private static let longestPlaceholder = placeholders.map(\.count).max() ?? 0

    /// Characters that on their own mean "no value": `-`, `—`, `?`.
    private static let placeholderPunctuation: Set<Character> = ["-", "–", "—", "?", "/", "."]

    /// Returns the input with whitespace collapsed.
    /// - Throws: ``ParseError/Code/empty`` for blank input.
    static func nonEmpty(_ input: String) throws(ParseError) -> String {
        let text = TextFolding.collapsingWhitespace(input)
        guard !text.isEmpty else {
            throw ParseError(.empty, reason: "no value given", input: input)
        }
        return text
    }

    /// Returns the input with whitespace collapsed.
    /// - Throws: ``ParseError/Code/empty`` for blank input and
    ///   ``ParseError/Code/missingValue`` for a placeholder such as `n/a`.
    static func value(_ input: String) throws(ParseError) -> String {
        let text = try nonEmpty(input)
        if isPlaceholder(text) {
            throw ParseError(.missingValue, reason: "placeholder for a missing value", input: input)
        }
        return text
    }

    /// Whether the text is a placeholder for "no value", such as `n/a`, `-` or `k. A.`.
    static func isPlaceholder(_ text: String) -> Bool {
        // No placeholder holds a digit (nor does punctuation alone).
        guard !text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return false }
        // Folding keeps at least one character per letter or digit: more of them than the
        // longest placeholder has cannot fold into one.
        if TextFolding.isASCII(text) {
            guard asciiLetters(in: text) <= longestPlaceholder else { return false }
            if text.utf8.allSatisfy(asciiPlaceholderPunctuation.contains) { return true }
        } else if let words = TextFolding.latinFoldedWords(text) {
            // Such text holds a letter, so it is no punctuation alone.
            return placeholders.contains(words.filter { $0 != " " })
        } else {
            guard text.lazy.filter({ $0.isLetter || $0.isNumber }).count <= longestPlaceholder else { return false }
            if text.allSatisfy({ placeholderPunctuation.contains($0) || $0 == " " }) { return true }
        }
        return placeholders.contains(TextFolding.foldedWords(text).filter { $0 != " " })
    }

    /// The ASCII bytes of ``placeholderPunctuation`` and the space.
    private static let asciiPlaceholderPunctuation: Set<UInt8> = Set("-?/. ".utf8)

    /// How many ASCII letters `text` holds, counting no further than one past
    /// ``longestPlaceholder``.
    private static func asciiLetters(in text: String) -> Int {
        var count = 0
        for byte in text.utf8 where (0x61...0x7A).contains(byte | 0x20) {
            count += 1
            if count > longestPlaceholder { break }
        }
        return count
    }
}
