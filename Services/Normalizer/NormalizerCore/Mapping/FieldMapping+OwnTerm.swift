import Schema

extension FieldMapping {
    /// The canonical word the mapping's own `vocabulary` gives for a source text, compared as
    /// ``Vocabulary/matchingKey(_:)`` (case, accents and punctuation aside); `nil` when it has
    /// none.
    func ownTerm(for text: String) -> String? {
        let key = Vocabulary.matchingKey(text)
        return vocabulary?.first { Vocabulary.matchingKey($0.key) == key }?.value
    }
}
