import Schema

extension MappedRecord: SchemaJSONWritable {
    /// Writes the record as its `Codable` conformance is written: every record is written to
    /// the warehouse, most of its cost in its fields.
    public func write(to writer: SchemaJSONWriter) -> Bool {
        var finite = true
        var object = writer.object()
        object.member("fetchedAt") { writer.date(fetchedAt) }
        object.member("fields") { finite = writer.object(keys: Array(fields.keys)) { fields[$0].unsafelyUnwrapped.write(to: writer) } }
        object.member("matchingKey", matchingKey)
        object.member("recordId", recordId)
        object.member("region", region)
        object.member("sourceId", sourceId)
        object.close()
        return finite
    }
}

extension FieldValue {
    /// Writes the value as its `Codable` conformance is written; `false` for a number that is
    /// not finite.
    func write(to writer: SchemaJSONWriter) -> Bool {
        var finite = true
        var object = writer.object()
        object.member("raw", raw)
        object.member("value") { finite = value.write(to: writer) }
        object.close()
        return finite
    }
}

extension CanonicalValue {
    /// Writes the value as its synthesized `Codable` conformance is written: the case's name
    /// holding an object with the associated value at `_0`. `false` for a number that is not
    /// finite.
    func write(to writer: SchemaJSONWriter) -> Bool {
        var finite = true
        var object = writer.object()
        switch self {
        case .text(let text): object.member("text") { writer.associated { $0.member("_0", text) } }
        case .integer(let integer): object.member("integer") { writer.associated { $0.member("_0", integer) } }
        case .number(let number):
            finite = number.isFinite
            object.member("number") { writer.associated { $0.member("_0", number) } }
        case .money(let money): object.member("money") { writer.associated { $0.member("_0") { finite = money.write(to: writer) } } }
        }
        object.close()
        return finite
    }
}

extension SchemaJSONWriter {
    /// Writes an enum case's associated values as synthesized `Codable` does: an object whose
    /// members `members` writes.
    fileprivate func associated(_ members: (inout JSONMemberWriter) -> Void) {
        var object = object()
        members(&object)
        object.close()
    }
}
