import Foundation

/// A table of canonical terms and the synonyms sources use for them, loaded from
/// configuration so a new synonym needs no code.
///
/// Encoded as an object from term to synonyms:
/// `{"heatPump": ["heat pump", "Wärmepumpe"], "gas": ["natural gas", "Gas"]}`.
/// Every term is also a synonym of itself. Synonyms are compared by
/// ``matchingKey(_:)``, so case, accents, punctuation and spaces do not matter:
/// `Wärmepumpe`, `waermepumpe` and `Wärme-Pumpe` are one synonym.
public struct Vocabulary: Sendable, Equatable, Codable {
    /// Each canonical term with the synonyms it was given.
    public let synonymsByTerm: [String: [String]]
    /// Matching key of every synonym → its term.
    let termsByKey: [String: String]

    /// Creates a vocabulary.
    /// - Throws: ``ParseError/Code/conflictingSynonym`` if two terms share a synonym.
    public init(_ synonymsByTerm: [String: [String]]) throws(ParseError) {
        let (termsByKey, conflict) = Self.index(synonymsByTerm)
        if let conflict {
            throw conflict
        }
        self.synonymsByTerm = synonymsByTerm
        self.termsByKey = termsByKey
    }

    /// Creates a vocabulary from built-in tables whose lack of conflicts is tested.
    init(builtIn synonymsByTerm: [String: [String]]) {
        self.synonymsByTerm = synonymsByTerm
        termsByKey = Self.index(synonymsByTerm).termsByKey
    }

    /// The canonical terms, sorted.
    public var terms: [String] {
        synonymsByTerm.keys.sorted()
    }

    /// The term a text names exactly (up to ``matchingKey(_:)``), if any.
    public func term(for text: String) -> String? {
        termsByKey[Self.matchingKey(text)]
    }

    /// This vocabulary with another's synonyms added.
    /// - Throws: ``ParseError/Code/conflictingSynonym`` if the two map one synonym
    ///   to different terms.
    public func merging(_ other: Vocabulary) throws(ParseError) -> Vocabulary {
        try Vocabulary(synonymsByTerm.merging(other.synonymsByTerm) { $0 + $1 })
    }

    /// The form in which synonyms are compared: folded (lowercase, `ä` → `ae`,
    /// `ß` → `ss`, no accents) with everything but letters and digits removed.
    public static func matchingKey(_ text: String) -> String {
        TextFolding.foldedWords(text).filter { $0 != " " }
    }

    public init(from decoder: any Decoder) throws {
        let synonymsByTerm = try decoder.singleValueContainer().decode([String: [String]].self)
        do {
            try self.init(synonymsByTerm)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error)
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(synonymsByTerm)
    }

    private static func index(
        _ synonymsByTerm: [String: [String]]
    ) -> (termsByKey: [String: String], conflict: ParseError?) {
        var termsByKey: [String: String] = [:]
        var conflict: ParseError?
        for (term, synonyms) in synonymsByTerm.sorted(by: { $0.key < $1.key }) {
            for synonym in [term] + synonyms {
                let key = matchingKey(synonym)
                if let existing = termsByKey[key], existing != term {
                    conflict =
                        conflict
                        ?? ParseError(
                            .conflictingSynonym,
                            reason: "'\(synonym)' is a synonym of both '\(existing)' and '\(term)'",
                            input: synonym
                        )
                    continue
                }
                termsByKey[key] = term
            }
        }
        return (termsByKey, conflict)
    }
}
