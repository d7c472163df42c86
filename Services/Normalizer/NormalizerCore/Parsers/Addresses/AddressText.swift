import Foundation

/// An address string cut into parts (at commas, semicolons and line breaks) and
/// each part into words.
struct AddressText {
    /// The parts, each a non-empty list of words, in order.
    var parts: [[String]]
    /// Whether the last removal of trailing words left words in that part, so
    /// the last part now holds what came before them (`Springfield` of
    /// `Springfield IL 62704`).
    private(set) var isLastPartCut = false

    /// Cuts an address; `extraSeparators` are further strings that end a part,
    /// such as the ` / ` German listings put before the flat.
    init(_ input: String, extraSeparators: [String] = []) {
        var text = input
        for separator in extraSeparators {
            text.replace(separator, with: ",")
        }
        parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
            .filter { !$0.isEmpty }
    }

    /// Removes the country's name from the end (`…, USA`, `… Canada`), if present.
    mutating func dropTrailingCountryName(_ country: Country) {
        guard let last = parts.last else { return }
        for length in (1...min(last.count, 4)).reversed()
        where StreetVocabulary.namesCountry(last.suffix(length), country) {
            removeTrailingWords(length)
            return
        }
    }

    /// Removes words from the end of the last part, and the part if it empties.
    mutating func removeTrailingWords(_ count: Int) {
        parts[parts.count - 1].removeLast(count)
        isLastPartCut = !parts[parts.count - 1].isEmpty
        if !isLastPartCut {
            parts.removeLast()
        }
    }

    /// The longest run of one to four words ending the last part that names a
    /// state, province or Land, with its code and length.
    func trailingSubdivision(of country: Country) -> (code: String, length: Int)? {
        guard let last = parts.last else { return nil }
        for length in (1...min(last.count, 4)).reversed() {
            if let code = country.subdivisionCode(for: last.suffix(length).joined(separator: " ")) {
                return (code, length)
            }
        }
        return nil
    }

    /// Whether a part is a unit such as `Apt 4B`, `#12` or `Whg. 2`.
    static func isUnit(_ part: [String]) -> Bool {
        part.first.map(StreetVocabulary.isUnitDesignator) ?? false
    }
}
