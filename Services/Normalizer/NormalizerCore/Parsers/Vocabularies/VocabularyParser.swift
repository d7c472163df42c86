import Foundation

/// Reads a term of a ``Vocabulary``, tolerating small typos.
///
/// An exact match (up to ``Vocabulary/matchingKey(_:)``) wins. Otherwise, with
/// ``toleratesTypos``, the synonym at the smallest edit distance is taken if that
/// distance is within ``maximumTypos(forLength:)`` of the shorter of input and
/// synonym: `Wärmpumpe` is `heatPump`, `gass` is not `gas`. Two terms equally
/// close are ``ParseError/Code/ambiguous``.
public struct VocabularyParser: Sendable {
    /// Inputs longer than this are never matched with typos.
    public static let longestTypoCandidate = 64

    /// The terms and synonyms understood.
    public var vocabulary: Vocabulary
    /// Whether near misses match.
    public var toleratesTypos: Bool

    /// Creates a parser.
    public init(vocabulary: Vocabulary, toleratesTypos: Bool = true) {
        self.vocabulary = vocabulary
        self.toleratesTypos = toleratesTypos
    }

    /// The typos tolerated in a word of this many letters: none up to 4, one up
    /// to 8, two beyond.
    public static func maximumTypos(forLength length: Int) -> Int {
        switch length {
        case ..<5: 0
        case ..<9: 1
        default: 2
        }
    }

    /// Reads the canonical term an input names.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue`` (a placeholder such as `n/a` that the
    ///   vocabulary does not define), ``ParseError/Code/ambiguous`` or
    ///   ``ParseError/Code/unrecognizedTerm``.
    public func parse(_ input: String) throws(ParseError) -> String {
        let text = try InputScreening.nonEmpty(input)
        if let term = vocabulary.term(for: text) {
            return term
        }
        if InputScreening.isPlaceholder(text) {
            throw ParseError(.missingValue, reason: "placeholder for a missing value", input: input)
        }
        let key = Vocabulary.matchingKey(text)
        if toleratesTypos, !key.isEmpty, key.count <= Self.longestTypoCandidate {
            if let term = try closestTerm(to: key, input: input) {
                return term
            }
        }
        throw ParseError(.unrecognizedTerm, reason: "'\(text)' is not a known term", input: input)
    }

    private func closestTerm(to key: String, input: String) throws(ParseError) -> String? {
        var bestDistance = Int.max
        var bestTerms: Set<String> = []
        for (synonym, term) in vocabulary.termsByKey {
            let limit = Self.maximumTypos(forLength: min(key.count, synonym.count))
            guard limit > 0, let distance = EditDistance.between(key, synonym, limit: limit) else {
                continue
            }
            if distance < bestDistance {
                bestDistance = distance
                bestTerms = [term]
            } else if distance == bestDistance {
                bestTerms.insert(term)
            }
        }
        guard bestTerms.count <= 1 else {
            let names = bestTerms.sorted().joined(separator: ", ")
            throw ParseError(.ambiguous, reason: "close to several terms: \(names)", input: input)
        }
        return bestTerms.first
    }
}
