/// One value of a scanned JSON document: where its text lies and, for a container, how many
/// values it holds and where the next sibling starts.
///
/// A ``JSONTape`` stores the values of a document in document order; an object's members are
/// its key and value tokens in turn.
struct JSONToken {
    /// What kind of JSON value a token stands for.
    enum Kind: UInt8 {
        case null
        case `true`
        case `false`
        case number
        case string
        case array
        case object
    }

    var kind: Kind
    /// For a string: printable ASCII without escapes, so its bytes are its text. For a number:
    /// an optional minus followed by digits only.
    var isPlain: Bool
    /// The offset of the first byte of the text (after the opening quote of a string).
    var start: UInt32
    /// The length of the text in bytes for a scalar; the number of elements or members for a
    /// container.
    var length: UInt32
    /// The index of the token after this value and everything it contains.
    var next: UInt32
    /// For a plain object key: its first eight bytes (see ``keyPrefix(_:length:)``), compared before the
    /// whole text.
    var keyPrefix: UInt64

    /// How `JSONDecoder` names this kind in a type-mismatch error.
    var kindDescription: String {
        switch kind {
        case .null: "null"
        case .true, .false: "bool"
        case .number: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }

    /// The first eight bytes of `text`, zero-padded, as one little-endian integer: most keys
    /// differ there.
    @inline(__always)
    static func keyPrefix(_ text: UnsafePointer<UInt8>, length: Int) -> UInt64 {
        if length >= 8 {
            return UInt64(littleEndian: UnsafeRawPointer(text).loadUnaligned(as: UInt64.self))
        }
        var prefix: UInt64 = 0
        for offset in 0..<min(length, 8) {
            prefix |= UInt64(text[offset]) << (8 * offset)
        }
        return prefix
    }
}
