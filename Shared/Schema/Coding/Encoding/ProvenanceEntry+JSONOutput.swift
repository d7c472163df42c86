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
