/// The last key of a value's coding path, relative to the decoder of the container holding
/// it (see ``TapeDecoder/parent``).
///
/// Kept as the key itself rather than an `any CodingKey` built up front, so going one level
/// deeper allocates nothing; the key is made only when a path is asked for.
enum CodingPathStep {
    /// A key of a keyed container.
    case key(any CodingKey)
    /// An array position.
    case index(Int)
    /// A key of a `[String: Value]` dictionary.
    case dictionaryKey(String)

    /// The key as it appears in a coding path.
    var codingKey: any CodingKey {
        switch self {
        case .key(let key): key
        case .index(let index): JSONCodingKey(index: index)
        case .dictionaryKey(let name): JSONCodingKey(dictionaryKey: name)
        }
    }
}

/// Where a value sits: the decoder of the container holding it and its step there; both
/// `nil` for the top-level value.
struct ValueLocation {
    var parent: TapeDecoder?
    var step: CodingPathStep?

    static var topLevel: ValueLocation { ValueLocation(parent: nil, step: nil) }

    var codingPath: [any CodingKey] {
        guard let step else { return [] }
        return (parent?.codingPath ?? []) + [step.codingKey]
    }

    /// A decoder for the value of token `index` at this location.
    func decoder(of tape: JSONTape, at index: Int) -> TapeDecoder {
        TapeDecoder(tape: tape, token: index, parent: parent, step: step)
    }
}
