extension ProvenanceEntry {
    /// Writes the entry exactly as ``JSONValueEncoder`` writes any value (keys in order, the
    /// same string, boolean and date forms), without the `Codable` machinery: a home holds an
    /// entry per source and field, most of its JSON.
    func write(to output: JSONOutput) {
        output.append("{\"chosen\":")
        output.append(chosen ? "true" : "false")
        output.append(",\"fetchedAt\":")
        output.writeString(Timestamp.string(from: fetchedAt))
        output.append(",\"recordId\":")
        output.writeString(recordId)
        output.append(",\"sourceId\":")
        output.writeString(sourceId)
        output.append(",\"value\":")
        output.writeString(value)
        output.append(UInt8(ascii: "}"))
    }
}

extension JSONOutput {
    /// Writes a home's provenance (entries by field) as ``JSONValueEncoder`` writes any
    /// dictionary of arrays, without the `Codable` machinery, each entry written directly.
    func write(provenance: [String: [ProvenanceEntry]]) {
        writeObject(provenance) { entries in
            append(UInt8(ascii: "["))
            for (position, entry) in entries.enumerated() {
                if position > 0 { append(UInt8(ascii: ",")) }
                entry.write(to: self)
            }
            append(UInt8(ascii: "]"))
        }
    }

    /// Writes a dictionary of strings (a home's `extra`, an event's labels) as
    /// ``JSONValueEncoder`` writes any dictionary.
    func write(strings: [String: String]) {
        writeObject(strings) { writeString($0) }
    }

    /// Writes `dictionary` as a JSON object, its keys in the UTF-8 order the shared encoder
    /// sorts every object's keys in, each value by `writeValue`.
    func writeObject<Value>(_ dictionary: [String: Value], writeValue: (Value) -> Void) {
        writeObject(keys: Array(dictionary.keys)) { key in writeValue(dictionary[key].unsafelyUnwrapped) }
    }

    /// Writes a JSON object with `keys`, put in the UTF-8 order the shared encoder sorts every
    /// object's keys in, each value by `writeValue`. Sorting the keys alone keeps a caller in
    /// another module, where `writeObject(_:writeValue:)` is not specialized, off the generic
    /// sorting of key-value pairs.
    func writeObject(keys: [String], writeValue: (String) -> Void) {
        append(UInt8(ascii: "{"))
        for (index, key) in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            writeString(key)
            append(UInt8(ascii: ":"))
            writeValue(key)
        }
        append(UInt8(ascii: "}"))
    }
}
