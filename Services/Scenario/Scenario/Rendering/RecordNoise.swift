/// The imperfections of real feeds: missing fields and typos, drawn per record.
struct RecordNoise {
    /// The probability that an optional field is left out.
    static let missingFieldRate = 0.06
    /// The probability that a text field carries a typo.
    static let typoRate = 0.03

    var random: SplitMix64

    /// The facts the record left out although its home has them.
    private(set) var leftOut: Set<HomeFact> = []

    /// `value`, or `nil` with probability ``missingFieldRate``.
    mutating func maybe<Value>(_ value: Value?) -> Value? {
        random.chance(Self.missingFieldRate) ? nil : value
    }

    /// `value`, the text of `facts`, or `nil` with probability ``missingFieldRate``; a value left
    /// out counts its facts as ``leftOut``.
    mutating func maybe<Value>(_ value: Value?, stating facts: HomeFact...) -> Value? {
        let kept = maybe(value)
        if value != nil, kept == nil { leftOut.formUnion(facts) }
        return kept
    }

    /// `text`, with a typo with probability ``typoRate``.
    mutating func typed(_ text: String) -> String {
        random.chance(Self.typoRate) ? TextFormats.typo(text, random: &random) : text
    }
}
