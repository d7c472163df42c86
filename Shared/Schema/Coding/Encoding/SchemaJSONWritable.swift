import Foundation

/// A value that writes its own JSON, exactly as ``SchemaJSONEncoder`` writes its `Codable`
/// conformance (members in key order, absent optionals left out, the shared number, string and
/// date forms), without the `Codable` machinery: for the few values written so often that
/// their encoding shows (a home and its money, a mapped record).
///
/// The encoder asks a value for it wherever it meets one, top-level or nested. A test should
/// hold the writer to the `Codable` bytes.
public protocol SchemaJSONWritable: Encodable {
    /// Writes the value; `false` when it cannot be written (a number that is not finite), and
    /// then the encoder discards what was written and encodes the value through `Codable`,
    /// which throws the error naming the field.
    func write(to writer: SchemaJSONWriter) -> Bool
}

/// Where a ``SchemaJSONWritable`` writes its JSON: the document being encoded.
public struct SchemaJSONWriter {
    let output: JSONOutput

    /// Writes a date as the shared format does (``SchemaJSON``'s ISO 8601 text).
    public func date(_ value: Date) {
        output.writeString(Timestamp.string(from: value))
    }

    /// Opens an object; write its members in key order, then close it.
    public func object() -> JSONMemberWriter {
        JSONMemberWriter(output: output)
    }

    /// Writes `dictionary` as an object, keys in the encoder's order, each value by
    /// `writeValue`; `false` as soon as one value cannot be written.
    public func object<Value>(_ dictionary: [String: Value], writeValue: (Value) -> Bool) -> Bool {
        object(keys: Array(dictionary.keys)) { key in writeValue(dictionary[key].unsafelyUnwrapped) }
    }

    /// Writes an object with `keys`, in the encoder's order, each key's value by `writeValue`;
    /// `false` as soon as one value cannot be written. Called with a dictionary's keys from
    /// another module, it is as fast as ``object(_:writeValue:)`` is within this one.
    public func object(keys: [String], writeValue: (String) -> Bool) -> Bool {
        var written = true
        output.writeObject(keys: keys) { key in
            if written { written = writeValue(key) }
        }
        return written
    }
}
