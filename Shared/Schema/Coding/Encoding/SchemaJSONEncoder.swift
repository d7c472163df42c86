import Foundation

/// Encodes values in the shared JSON format (``SchemaJSON``), byte for byte as
/// `SchemaJSON.makeEncoder()` does, several times faster.
///
/// Foundation's `JSONEncoder` builds a tree of boxed values and dictionaries and then
/// serialises it; this one writes UTF-8 straight into one buffer and puts an object's members
/// in key order when the object is complete. Keys are sorted by their UTF-8 bytes, numbers
/// written in their shortest round-trip form without a trailing `.0`, strings escaped as
/// Foundation escapes them (slashes unescaped), dates as ``Timestamp`` text, `Data` as
/// Base64, URLs as their absolute string; non-finite numbers throw
/// `EncodingError.invalidValue` with the field's coding path.
public struct SchemaJSONEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The JSON of `value`.
    public func encode<Value: Encodable>(_ value: Value) throws -> Data {
        Data(try encodeBytes(value))
    }

    /// The JSON of `value` as text (what a database column of JSON stores).
    public func encodeText<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encodeBytes(value), as: UTF8.self)
    }

    /// The JSON of `value` as bytes.
    public func encodeBytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let root = JSONValueEncoder(output: JSONOutput(), parent: nil, key: nil)
        try root.encode(value, at: nil)
        return root.output.bytes
    }
}
