import Foundation

/// The unkeyed container over a JSON array of a ``JSONTape``; errors name the element as
/// `JSONDecoder` does (`Index 2`).
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    /// The decoder of the array.
    private let decoder: TapeDecoder
    private var tape: JSONTape { decoder.tape }
    /// The token of the element at `currentIndex`.
    private var element: Int

    let count: Int?
    private(set) var currentIndex = 0

    init(decoder: TapeDecoder) {
        self.decoder = decoder
        self.element = decoder.token + 1
        self.count = Int(decoder.tape.tokens[decoder.token].length)
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var isAtEnd: Bool { currentIndex >= count! }

    private var elementLocation: ValueLocation { decoder.location(of: .index(currentIndex)) }

    /// The current element's token; at the end, the error `JSONDecoder` throws there.
    private func next(_ expected: Any.Type, atEnd message: String = "Unkeyed container is at end.") throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(expected, .init(codingPath: elementLocation.codingPath, debugDescription: message))
        }
        return element
    }

    private mutating func advance() {
        if !isAtEnd {
            element = Int(tape.tokens[element].next)
        }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard tape.kind(of: try next(Never.self)) == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element(type) }

    mutating func decode(_ type: String.Type) throws -> String { try element(type) }

    mutating func decode(_ type: Double.Type) throws -> Double { try element(type) }

    mutating func decode(_ type: Float.Type) throws -> Float { try element(type) }

    mutating func decode(_ type: Int.Type) throws -> Int { try element(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element(type) }
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try element(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element(type) }
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try element(type) }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try element(type) }

    // Like JSONDecoder's, and unlike the protocol's default, these also move on past the end.
    mutating func decodeIfPresent(_ type: Bool.Type) throws -> Bool? { try present(type) }
    mutating func decodeIfPresent(_ type: String.Type) throws -> String? { try present(type) }
    mutating func decodeIfPresent(_ type: Double.Type) throws -> Double? { try present(type) }
    mutating func decodeIfPresent(_ type: Float.Type) throws -> Float? { try present(type) }
    mutating func decodeIfPresent(_ type: Int.Type) throws -> Int? { try present(type) }
    mutating func decodeIfPresent(_ type: Int8.Type) throws -> Int8? { try present(type) }
    mutating func decodeIfPresent(_ type: Int16.Type) throws -> Int16? { try present(type) }
    mutating func decodeIfPresent(_ type: Int32.Type) throws -> Int32? { try present(type) }
    mutating func decodeIfPresent(_ type: Int64.Type) throws -> Int64? { try present(type) }
    mutating func decodeIfPresent(_ type: Int128.Type) throws -> Int128? { try present(type) }
    mutating func decodeIfPresent(_ type: UInt.Type) throws -> UInt? { try present(type) }
    mutating func decodeIfPresent(_ type: UInt8.Type) throws -> UInt8? { try present(type) }
    mutating func decodeIfPresent(_ type: UInt16.Type) throws -> UInt16? { try present(type) }
    mutating func decodeIfPresent(_ type: UInt32.Type) throws -> UInt32? { try present(type) }
    mutating func decodeIfPresent(_ type: UInt64.Type) throws -> UInt64? { try present(type) }
    mutating func decodeIfPresent(_ type: UInt128.Type) throws -> UInt128? { try present(type) }
    mutating func decodeIfPresent<Value: Decodable>(_ type: Value.Type) throws -> Value? { try present(type) }

    /// Like `JSONDecoder`, `nil` both for `null` and past the end; either way the container
    /// moves on.
    private mutating func present<Value: Decodable>(_ type: Value.Type) throws -> Value? {
        guard !isAtEnd, tape.kind(of: element) != .null else {
            advance()
            return nil
        }
        let value = try tape.decode(type, at: element) { elementLocation }
        advance()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let token = try next(KeyedDecodingContainer<NestedKey>.self)
        let container = try elementLocation.decoder(of: tape, at: token).container(keyedBy: type)
        advance()
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let token = try next((any UnkeyedDecodingContainer).self)
        let container = try elementLocation.decoder(of: tape, at: token).unkeyedContainer()
        advance()
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let token = try next((any Decoder).self, atEnd: "Cannot get superDecoder() -- unkeyed container is at end.")
        let decoder = elementLocation.decoder(of: tape, at: token)
        advance()
        return decoder
    }

    /// The current element as `type`, with the values and errors of `JSONDecoder`'s method
    /// for that type; then the container moves on.
    private mutating func element<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let value = try tape.decode(type, at: next(type)) { elementLocation }
        advance()
        return value
    }
}
