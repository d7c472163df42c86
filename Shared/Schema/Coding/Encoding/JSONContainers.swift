import Foundation

/// The keyed container of ``JSONValueEncoder``: one JSON object.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONValueEncoder
    let writer: JSONObjectWriter

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        writer.member(key.stringValue) { encoder.output.append("null") }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        writer.member(key.stringValue) { encoder.output.append(value ? "true" : "false") }
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.member(key.stringValue) { encoder.output.writeString(value) }
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try writer.member(key.stringValue) { try encoder.encode(value, at: key) }
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        try writer.member(key.stringValue) { try encoder.encode(value, at: key) }
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }

    private func integer<Value: BinaryInteger>(_ value: Value, _ key: Key) {
        writer.member(key.stringValue) { encoder.output.writeInteger(value) }
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try writer.member(key.stringValue) { try encoder.encode(value, at: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        writer.detachedMember(key, of: encoder).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.detachedMember(key, of: encoder).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.detachedMember(JSONCodingKey.super, of: encoder)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.detachedMember(key, of: encoder)
    }
}

/// The unkeyed container of ``JSONValueEncoder``: one JSON array.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONValueEncoder
    let writer: JSONArrayWriter

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { writer.count }

    /// The key of the next element, as Foundation names array positions.
    private var nextKey: JSONCodingKey { JSONCodingKey(index: writer.count) }

    mutating func encodeNil() throws {
        writer.element { encoder.output.append("null") }
    }

    mutating func encode(_ value: Bool) throws {
        writer.element { encoder.output.append(value ? "true" : "false") }
    }

    mutating func encode(_ value: String) throws {
        writer.element { encoder.output.writeString(value) }
    }

    mutating func encode(_ value: Double) throws {
        let key = nextKey
        try writer.element { try encoder.encode(value, at: key) }
    }

    mutating func encode(_ value: Float) throws {
        let key = nextKey
        try writer.element { try encoder.encode(value, at: key) }
    }

    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    private func integer<Value: BinaryInteger>(_ value: Value) {
        writer.element { encoder.output.writeInteger(value) }
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let key = nextKey
        try writer.element { try encoder.encode(value, at: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = encoder.detachedChild(key: nextKey)
        writer.detachedElement(child)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = encoder.detachedChild(key: nextKey)
        writer.detachedElement(child)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoder.detachedChild(key: nextKey)
        writer.detachedElement(child)
        return child
    }
}

/// The single-value container of ``JSONValueEncoder``: the value written where it stands.
struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.output.append("null") }
    mutating func encode(_ value: Bool) throws { encoder.output.append(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.output.writeString(value) }
    mutating func encode(_ value: Double) throws { try encoder.encode(value, at: nil) }
    mutating func encode(_ value: Float) throws { try encoder.encode(value, at: nil) }
    mutating func encode(_ value: Int) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { encoder.output.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { encoder.output.writeInteger(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try encoder.encode(value, at: nil)
    }
}
