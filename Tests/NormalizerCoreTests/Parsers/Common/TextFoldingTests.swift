import Foundation
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

    /// `count` random ASCII strings of up to 24 characters, placeholders' characters often.
    private static func randomASCII(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(" \t\r\n-./?naNAtbdTBDkKeinu0".utf8)
        return (0..<count).map { index in
            String(
                decoding: (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                    index % 2 == 0 ? UInt8.random(in: 0...0x7F, using: &generator) : alphabet.randomElement(using: &generator) ?? 0x20
                },
                as: UTF8.self)
        }
    }

    @Test("blank, collapsed and trimmed ASCII text byte by byte exactly as character by character")
    func asciiWhitespaceAgreesWithCharacters() {
        let samples = ["", " ", "\r\n", " a\t b ", "\u{0B}x\u{0C}", "\t n/a \t", "a  b\r\n\r\nc"]
        for text in samples + Self.randomASCII(2_000) {
            #expect(TextFolding.isBlank(text) == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
            #expect(
                TextFolding.collapsingWhitespace(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                "\(text.debugDescription)")
            #expect(TextFolding.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(TextFolding.trimmingSpaces(text[...]) == text[...].trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
        #expect(TextFolding.collapsingWhitespace("\u{A0}Straße\u{2003} 5 ") == "Straße 5")
        #expect(TextFolding.trimmingSpaces("\u{2003} ½ \t") == "½")
        #expect(TextFolding.isBlank("\u{A0}\u{2003}"))
    }

    /// What a placeholder means, by `Character`: few letters and digits, and either only the
    /// placeholder punctuation or one of the placeholder words once folded (by
    /// `foldedByUnicode`, the definition of folding, which the byte-wise path is tested against).
    private static func referencePlaceholder(_ text: String) -> Bool {
        guard text.filter({ $0.isLetter || $0.isNumber }).count <= 12 else { return false }
        if text.allSatisfy({ "-–—?/. ".contains($0) }) { return true }
        let folded = TextFolding.foldedByUnicode(text).map { $0.isLetter || $0.isNumber ? $0 : " " }
        return ["na", "none", "null", "nil", "nan", "unknown", "tbd", "notavailable", "ka", "keineangabe", "unbekannt"]
            .contains(String(folded).filter { $0 != " " })
    }

    @Test("placeholders in ASCII text found byte by byte exactly as character by character")
    func asciiPlaceholdersAgreeWithCharacters() {
        let samples = ["", "-", " . ", "n/a", "N.A.", "k. A.", "TBD", "t b d", "na1", "Not Available", "notavailable!", "unknown x"]
        for text in samples + Self.randomASCII(4_000) {
            #expect(InputScreening.isPlaceholder(text) == Self.referencePlaceholder(text), "\(text.debugDescription)")
        }
        #expect(InputScreening.isPlaceholder("—"))
        #expect(InputScreening.isPlaceholder("Keine Angabe"))
        #expect(!InputScreening.isPlaceholder("Straße"))
    }

    /// `count` random strings of up to 16 characters from ASCII, Latin letters with and
    /// without a fold of their own, combining marks, non-ASCII spaces and other scripts.
    private static func randomLatin(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet =
            Array("aZ 9-/.\tÄäÖöÜüßẞéÈçñÅøØæİıłĳŉſǅΣσςжЖ\u{A0}\u{2003}ªº²½µ€–—n/akAtbd")
            + [Character("\r"), Character("\n"), Character("\u{301}"), Character("\u{308}"), Character("\u{345}")]
        return (0..<count).map { _ in
            String((0..<Int.random(in: 0...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? " " })
        }
    }

    @Test("ASCII and Latin letters fold byte by byte exactly as by Unicode normalization")
    func latinFastPathAgreesWithUnicode() {
        let samples = ["München", "Fußbodenheizung  Öl", "Élec\u{301}trique", "Straße\u{A0}5", "ŁÓDŹ", "İstanbul", "ĲSSEL", "ǅ"]
        // Every character of two bytes in UTF-8, alone and among ASCII letters, spaces,
        // punctuation and combining marks.
        let twoByteCharacters = (0x80...0x7FF).compactMap(Unicode.Scalar.init).map { Character($0) }
        let inContext = twoByteCharacters.flatMap { character in
            ["\(character)", "A\(character)b", " \(character)-\(character) ", "\(character)\u{301}", "x\(character)\(character)Y"]
        }
        for text in samples + inContext + Self.randomLatin(4_000) {
            let unicode = TextFolding.foldedByUnicode(text)
            #expect(Array(TextFolding.folded(text).utf8) == Array(unicode.utf8), "\(text.debugDescription)")
            let kept: [Character] = unicode.map { $0.isLetter || $0.isNumber ? $0 : " " }
            let words = String(kept).split(separator: " ").joined(separator: " ")
            #expect(Array(TextFolding.foldedWords(text).utf8) == Array(words.utf8), "\(text.debugDescription)")
            #expect(InputScreening.isPlaceholder(text) == Self.referencePlaceholder(text), "\(text.debugDescription)")
        }
        #expect(TextFolding.latinFoldedWords("Fernwärme/Öl") == "fernwaerme oel")
        #expect(TextFolding.latinFoldedWords("Ørsted") == nil)
        #expect(TextFolding.latinFoldedWords("e\u{301}") == nil)
    }

    @Test("non-ASCII text spells umlauts out and drops marks")
    func nonASCII() {
        #expect(TextFolding.folded(" Fußbodenheizung  Öl ") == "fussbodenheizung oel")
        #expect(TextFolding.foldedWords("Électrique/Gaz") == "electrique gaz")
    }
}
