import Foundation

/// The keyed container over a JSON object of a ``JSONTape``.
///
/// As with `JSONDecoder`, every key is read when the container is made (a malformed key
/// fails here), the first of duplicate keys wins, and unknown keys are ignored. Keys are
/// found by comparing their first eight bytes, then the rest, in document order; objects with many members get a dictionary
/// instead.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The decoder of the object; it also holds the object's member index, if any.
    private let decoder: TapeDecoder
    private var tape: JSONTape { decoder.tape }
    private var object: Int { decoder.token }
    private var index: [String: Int]? { decoder.memberIndex }

    /// Objects with more members than this are indexed by a dictionary.
    private static var searchLimit: Int { 24 }

    init(decoder: TapeDecoder) throws {
        self.decoder = decoder
        let tape = decoder.tape
        let object = decoder.token
        let count = Int(tape.tokens[object].length)
        var index: [String: Int]? = count > Self.searchLimit ? Dictionary(minimumCapacity: count) : nil
        var member = object + 1
        for _ in 0..<count {
            if index != nil || !tape.tokens[member].isPlain {
                let name = try tape.key(at: member)
                if index?[name] == nil { index?[name] = member + 1 }
            }
            member = Int(tape.tokens[member + 1].next)
        }
        if index != nil {
            decoder.memberIndex = index
        }
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        var keys: [Key] = []
        var member = object + 1
        for _ in 0..<tape.tokens[object].length {
            // Every key was read when the container was made; a repeated key counts once.
            if let name = try? tape.key(at: member), value(named: name) == member + 1, let key = Key(stringValue: name) {
                keys.append(key)
            }
            member = Int(tape.tokens[member + 1].next)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool {
        value(named: key.stringValue) != nil
    }

    /// The value token of the member `name`, the first one when the name repeats.
    private func value(named name: String) -> Int? {
        if let index = decoder.memberIndex { return index[name] }
        var text = name
        return text.withUTF8 { query -> Int? in
            let tape = decoder.tape
            let tokens = tape.tokens
            let object = decoder.token
            let length = query.count
            let prefix = query.baseAddress.map { JSONToken.keyPrefix($0, length: length) } ?? 0
            let isASCII = prefix & 0x8080_8080_8080_8080 == 0 && (length <= 8 || query.allSatisfy { $0 < 0x80 })
            var member = object + 1
            for _ in 0..<tokens[object].length {
                let token = tokens[member]
                if token.isPlain && isASCII {
                    if token.keyPrefix == prefix, Int(token.length) == length,
                        length <= 8 || memcmp(tape.bytes.baseAddress! + Int(token.start) + 8, query.baseAddress! + 8, length - 8) == 0
                    {
                        return member + 1
                    }
                } else if (try? tape.key(at: member)) == name {
                    // Non-ASCII text compares as Swift strings do, as JSONDecoder's dictionary does.
                    return member + 1
                }
                member = Int(tokens[member + 1].next)
            }
            return nil
        }
    }

    private func require(_ key: Key) throws -> Int {
        guard let value = value(named: key.stringValue) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return value
    }

    /// The value token of `key`, or `nil` when the key is absent or its value is `null`.
    private func presentValue(for key: Key) -> Int? {
        guard let value = value(named: key.stringValue), tape.kind(of: value) != .null else { return nil }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        tape.kind(of: try require(key)) == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try tape.decodeBool(at: require(key)) { decoder.location(of: .key(key)) }
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try tape.decodeString(at: require(key)) { decoder.location(of: .key(key)) }
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try tape.decodeDouble(at: require(key)) { decoder.location(of: .key(key)) }
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try tape.decodeFloat(at: require(key)) { decoder.location(of: .key(key)) }
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try integer(type, key) }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try tape.decode(type, at: require(key)) { decoder.location(of: .key(key)) }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = presentValue(for: key) else { return nil }
        return try tape.decodeString(at: value) { decoder.location(of: .key(key)) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let value = presentValue(for: key) else { return nil }
        return try tape.decodeDouble(at: value) { decoder.location(of: .key(key)) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let value = presentValue(for: key) else { return nil }
        return try tape.decodeInteger(type, at: value) { decoder.location(of: .key(key)) }
    }

    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        guard let value = presentValue(for: key) else { return nil }
        return try tape.decode(type, at: value) { decoder.location(of: .key(key)) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.location(of: .key(key)).decoder(of: tape, at: require(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.location(of: .key(key)).decoder(of: tape, at: require(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder(for: JSONCodingKey.super, value: value(named: JSONCodingKey.super.stringValue))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder(for: key, value: value(named: key.stringValue))
    }

    /// The decoder of the value at `key`; a `null` one when the key is absent.
    private func decoder(for key: some CodingKey, value: Int?) -> any Decoder {
        decoder.location(of: .key(key)).decoder(of: tape, at: value ?? tape.absentValue)
    }

    private func integer<Integer: FixedWidthInteger & Decodable>(_ type: Integer.Type, _ key: Key) throws -> Integer {
        try tape.decodeInteger(type, at: require(key)) { decoder.location(of: .key(key)) }
    }
}
