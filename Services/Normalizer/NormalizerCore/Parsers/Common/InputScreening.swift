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
        // Folding keeps at least one character per letter or digit: more of them than the
        // longest placeholder has cannot fold into one.
        guard text.lazy.filter({ $0.isLetter || $0.isNumber }).count <= longestPlaceholder else { return false }
        if text.allSatisfy({ placeholderPunctuation.contains($0) || $0 == " " }) {
            return true
        }
        return placeholders.contains(TextFolding.foldedWords(text).filter { $0 != " " })
    }
}
