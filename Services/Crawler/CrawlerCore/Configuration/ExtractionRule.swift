/// How the crawler reads a listing out of a page.
public enum ExtractionRule: Sendable, Equatable {
    /// The first schema.org JSON-LD block (`<script type="application/ld+json">`) whose `@type`
    /// is one of `types` (any type when empty); the record id is at `recordIdPath` in it
    /// (a dot path, `identifier` by default). The payload is the block as written.
    case jsonLD(types: [String], recordIdPath: String)
    /// XPath selectors by field name; the record id is the field `recordIdField`. The payload
    /// is a JSON object of the fields' texts.
    case selectors([String: String], recordIdField: String)
}
