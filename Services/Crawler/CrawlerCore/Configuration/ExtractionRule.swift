/// How the crawler reads a listing out of a page.
public enum ExtractionRule: Sendable, Equatable {
    /// The first schema.org JSON-LD node (`<script type="application/ld+json">`: a block, an
    /// element of a top-level array, or a member of an `@graph`) whose `@type` is one of
    /// `types`; with no types, the first typed node that is not page structure (`WebPage`,
    /// `BreadcrumbList`, `Organization`, …). The record id is at `recordIdPath` in it (a dot
    /// path, `identifier` by default). The payload is the block as written when the node is the
    /// whole block, otherwise the node (references to other nodes of the page embedded) as JSON.
    case jsonLD(types: [String], recordIdPath: String)
    /// XPath selectors by field name; the record id is the field `recordIdField`. The payload
    /// is a JSON object of the fields' texts.
    case selectors([String: String], recordIdField: String)

    /// The rule in one canonical text, for the fingerprint of a site's rules.
    var canonicalText: String {
        switch self {
        case .jsonLD(let types, let recordIdPath):
            "jsonLD types=\(types.joined(separator: ",")) id=\(recordIdPath)"
        case .selectors(let selectors, let recordIdField):
            "selectors " + selectors.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
                + " id=\(recordIdField)"
        }
    }
}
