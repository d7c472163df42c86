import Foundation

/// A date's text cut into numbers and words, with the separators between them.
struct DateTokens {
    /// The numbers and words in order.
    private(set) var tokens: [Substring] = []
    /// One letter per token: `n` for a number, `w` for a word; `"nwn"` for `17 May 1990`.
    private(set) var shape = ""
    /// The distinct separators other than spaces and commas, in the order first seen.
    private(set) var separators: [Character] = []

    private static let separatorCharacters: Set<Character> = ["-", "/", ".", ",", " "]
    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Cuts the text into tokens.
    /// - Throws: ``ParseError/Code/malformed`` for a character that has no place in a date.
    init(_ text: Substring, input: String) throws(ParseError) {
        guard let first = text.first, first.isLetter || first.isNumber else {
            throw ParseError(.malformed, reason: "a date starts with a number or a month", input: input)
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if Self.separatorCharacters.contains(character) {
                if character != " ", character != ",", !separators.contains(character) {
                    separators.append(character)
                }
                index = text.index(after: index)
                continue
            }
            let isDigit = character.isASCII && character.isNumber
            guard isDigit || character.isLetter else {
                throw ParseError(.malformed, reason: "'\(character)' has no place in a date", input: input)
            }
            let end =
                text[index...].firstIndex {
                    isDigit ? !($0.isASCII && $0.isNumber) : !$0.isLetter
                } ?? text.endIndex
            let token = text[index..<end]
            let followsNumber = shape.last == "n" && tokens.last?.endIndex == index
            let isOrdinalSuffix =
                !isDigit && followsNumber && Self.ordinalSuffixes.contains(token.lowercased())
            if !isOrdinalSuffix {
                tokens.append(token)
                shape.append(isDigit ? "n" : "w")
            }
            index = end
        }
    }

    subscript(position: Int) -> Substring {
        tokens[position]
    }
}
