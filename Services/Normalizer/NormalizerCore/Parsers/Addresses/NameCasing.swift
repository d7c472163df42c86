import Foundation

/// Title-casing for names written all in capitals or all in lower case.
enum NameCasing {
    /// Short words kept in lower case inside a name: `Frankfurt am Main`,
    /// `Avenue of the Americas`, `Rue de la Montagne`.
    private static let particles: Set<String> = [
        "am", "an", "auf", "bei", "der", "des", "dem", "den", "die", "im", "in", "ob", "unter",
        "vom", "von", "vor", "zu", "zum", "zur", "and", "of", "the", "de", "du", "la", "le", "les",
    ]

    /// The words title-cased and joined with single spaces.
    static func normalized(_ words: some Sequence<some StringProtocol>) -> String {
        words.enumerated()
            .map { normalized(String($0.element), isFirst: $0.offset == 0) }
            .joined(separator: " ")
    }

    /// A word title-cased if it is all capitals or all lower case (`BERLIN-MITTE`
    /// → `Berlin-Mitte`, `1ST` → `1st`); a word in mixed case (`McDonald`) is kept.
    static func normalized(_ word: String, isFirst: Bool) -> String {
        let letters = word.filter(\.isLetter)
        let isMixedCase = letters.contains(where: \.isUppercase) && letters.contains(where: \.isLowercase)
        if isMixedCase {
            return word
        }
        let lowercased = word.lowercased()
        if !isFirst, particles.contains(lowercased) {
            return lowercased
        }
        return lowercased.split(separator: "-", omittingEmptySubsequences: false)
            .map { part in
                guard let first = part.first, first.isLetter else { return String(part) }
                return first.uppercased() + part.dropFirst()
            }
            .joined(separator: "-")
    }
}
