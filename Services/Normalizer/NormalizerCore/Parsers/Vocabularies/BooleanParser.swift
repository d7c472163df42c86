import Foundation

/// Reads yes or no: `yes`, `no`, `ja`, `nein`, `true`, `1`, `Y`, `N`, …
///
/// The spellings come from a ``Vocabulary`` with the terms `true` and `false`
/// (``Vocabulary/booleans`` unless configured). Typos are not tolerated: yes/no
/// words are too short to guess safely.
public struct BooleanParser: Sendable {
    /// The spellings of `true` and `false`.
    public var vocabulary: Vocabulary

    /// Creates a parser.
    /// - Parameter vocabulary: A vocabulary whose terms are `true` and `false`.
    public init(vocabulary: Vocabulary = .booleans) {
        self.vocabulary = vocabulary
    }

    /// Reads a yes or no.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue`` or ``ParseError/Code/unrecognizedTerm``.
    public func parse(_ input: String) throws(ParseError) -> Bool {
        switch try VocabularyParser(vocabulary: vocabulary, toleratesTypos: false).parse(input) {
        case "true":
            return true
        case "false":
            return false
        case let term:
            throw ParseError(.unrecognizedTerm, reason: "'\(term)' is neither true nor false", input: input)
        }
    }
}
