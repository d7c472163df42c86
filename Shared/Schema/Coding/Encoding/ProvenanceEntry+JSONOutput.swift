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
    /// dictionary of arrays, without the `Codable` machinery: the fields in the UTF-8 order the
    /// shared encoder sorts keys in, each entry written directly.
    func write(provenance: [String: [ProvenanceEntry]]) {
        append(UInt8(ascii: "{"))
        for (index, field) in provenance.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            writeString(field)
            append(":[")
            for (position, entry) in (provenance[field] ?? []).enumerated() {
                if position > 0 { append(UInt8(ascii: ",")) }
                entry.write(to: self)
            }
            append(UInt8(ascii: "]"))
        }
        append(UInt8(ascii: "}"))
    }

    /// Writes a dictionary of strings (a home's `extra`, an event's labels) as
    /// ``JSONValueEncoder`` writes any dictionary: the keys in UTF-8 order.
    func write(strings: [String: String]) {
        append(UInt8(ascii: "{"))
        for (index, key) in strings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            writeString(key)
            append(UInt8(ascii: ":"))
            writeString(strings[key] ?? "")
        }
        append(UInt8(ascii: "}"))
    }
}
