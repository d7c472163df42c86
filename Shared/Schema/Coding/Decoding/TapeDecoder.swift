import Foundation

/// The `Decoder` over one value of a ``JSONTape``, answering as `JSONDecoder` with
/// ``SchemaJSON/makeDecoder()``'s configuration does: same values, same errors at the same
/// coding paths.
///
/// It is its own single-value container, as `JSONDecoder`'s is.
final class TapeDecoder: Decoder, SingleValueDecodingContainer {
    let tape: JSONTape
    let token: Int
    let path: CodingPathNode

    init(tape: JSONTape, token: Int, path: CodingPathNode) {
        self.tape = tape
        self.token = token
        self.path = path
    }

    var codingPath: [any CodingKey] { path.path }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch tape.kind(of: token) {
        case .object:
            return KeyedDecodingContainer(try TapeKeyedContainer<Key>(tape: tape, object: token, path: path))
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
            return TapeUnkeyedContainer(tape: tape, array: token, path: path)
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
        try tape.decodeBool(at: token) { path }
    }

    func decode(_ type: String.Type) throws -> String {
        try tape.decodeString(at: token) { path }
    }

    func decode(_ type: Double.Type) throws -> Double {
        try tape.decodeDouble(at: token) { path }
    }

    func decode(_ type: Float.Type) throws -> Float {
        try tape.decodeFloat(at: token) { path }
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
        try tape.decode(type, at: token) { path }
    }

    private func integer<Integer: FixedWidthInteger & Decodable>(_ type: Integer.Type) throws -> Integer {
        try tape.decodeInteger(type, at: token) { path }
    }
}
