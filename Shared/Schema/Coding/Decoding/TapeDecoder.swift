import Foundation

/// The `Decoder` over one value of a ``JSONTape``, answering as `JSONDecoder` with
/// ``SchemaJSON/makeDecoder()``'s configuration does: same values, same errors at the same
/// coding paths.
///
/// It is its own single-value container, as `JSONDecoder`'s is. Its coding path is that of
/// its parent followed by one step, so going one level deeper allocates only the decoder.
final class TapeDecoder: Decoder, SingleValueDecodingContainer {
    let tape: JSONTape
    let token: Int
    /// The decoder of the container holding this value; `nil` for the top-level value.
    let parent: TapeDecoder?
    /// The key or position of this value in its parent; `nil` for the top-level value.
    let step: CodingPathStep?
    /// For an object with many members: the value token of each key (see
    /// ``TapeKeyedContainer``).
    var memberIndex: [String: Int]?

    init(tape: JSONTape, token: Int, parent: TapeDecoder?, step: CodingPathStep?) {
        self.tape = tape
        self.token = token
        self.parent = parent
        self.step = step
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var decoder: TapeDecoder? = self
        while let current = decoder, let step = current.step {
            keys.append(step.codingKey)
            decoder = current.parent
        }
        return keys.reversed()
    }

    /// This decoder's value's place.
    var location: ValueLocation { ValueLocation(parent: parent, step: step) }

    /// The place of the value at `step` in this decoder's container.
    func location(of step: CodingPathStep) -> ValueLocation {
        ValueLocation(parent: self, step: step)
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch tape.kind(of: token) {
        case .object:
            return KeyedDecodingContainer(try TapeKeyedContainer<Key>(decoder: self))
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self,
                .init(codingPath: codingPath, debugDescription: "Cannot get keyed decoding container -- found null value instead"))
        default:
            throw mismatch([String: Any].self)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch tape.kind(of: token) {
        case .array:
            return TapeUnkeyedContainer(decoder: self)
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self,
                .init(codingPath: codingPath, debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
        default:
            throw mismatch([Any].self)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }

    private func mismatch(_ expected: Any.Type) -> DecodingError {
        let found = tape.tokens[token].kindDescription
        return .typeMismatch(
            expected, .init(codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(found) instead."))
    }

    // MARK: Single value

    func decodeNil() -> Bool {
        tape.kind(of: token) == .null
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        try tape.decodeBool(at: token) { location }
    }

    func decode(_ type: String.Type) throws -> String {
        try tape.decodeString(at: token) { location }
    }

    func decode(_ type: Double.Type) throws -> Double {
        try tape.decodeDouble(at: token) { location }
    }

    func decode(_ type: Float.Type) throws -> Float {
        try tape.decodeFloat(at: token) { location }
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: Int128.Type) throws -> Int128 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode(_ type: UInt128.Type) throws -> UInt128 { try integer(type) }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try tape.decode(type, at: token) { location }
    }

    private func integer<Integer: FixedWidthInteger & Decodable>(_ type: Integer.Type) throws -> Integer {
        try tape.decodeInteger(type, at: token) { location }
    }
}
