import Testing

@testable import NormalizerCore

@Suite("Text folding")
struct TextFoldingTests {
    /// What folding ASCII text means, by `Character`: lower case, runs of whitespace (or, for
    /// words, of anything but letters and digits) as one space, trimmed.
    private static func reference(_ text: String, words: Bool) -> String {
        let mapped = String(
            text.lowercased().map { character in
                words ? (character.isLetter || character.isNumber ? character : " ") : character
            })
        return mapped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("ASCII text folds byte by byte exactly as it does character by character, control characters and CRLF included")
    func asciiFastPathAgreesWithCharacters() {
        var generator = SystemRandomNumberGenerator()
        let samples = ["  Central A/C ", "Gas\r\nForced-Air", "\u{1C}TBD\u{0B}n/a\t", "", "   ", "Forced_Air;Heat PUMP #2"]
        let random = (0..<2_000).map { _ in
            String(
                decoding: (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...0x7F, using: &generator) },
                as: UTF8.self)
        }
        for text in samples + random {
            #expect(TextFolding.folded(text) == Self.reference(text, words: false), "\(text.debugDescription)")
            #expect(TextFolding.foldedWords(text) == Self.reference(text, words: true), "\(text.debugDescription)")
        }
    }

    @Test("non-ASCII text spells umlauts out and drops marks")
    func nonASCII() {
        #expect(TextFolding.folded(" Fußbodenheizung  Öl ") == "fussbodenheizung oel")
        #expect(TextFolding.foldedWords("Électrique/Gaz") == "electrique gaz")
    }
}
