/// The text format of a source's record payloads; it decides how a ``FieldMapping`` path is read.
public enum RecordFormat: String, Codable, Sendable, CaseIterable {
    /// JSON; paths are dot paths into nested objects (`listing.area.value`, `rooms[0]`).
    case json

    /// CSV; a path is a column name.
    case csv

    /// XML; paths are slash-separated element names (`Sale/Price`), `@name` for attributes.
    case xml

    /// An HTML page; paths are XPath expressions or JSON-LD/microdata property paths.
    case html
}
