import Foundation
import Markup

/// An XML record; a path is a slash-separated element path below the root element
/// (`Sale/Price`), ending in `@name` for an attribute (`Parcel/@id`).
///
/// Parsed with the shared ``Markup/SafeXMLReader``: a record declaring a DTD, an empty or cut
/// payload is a `malformedPayload` error; no entity is expanded, nothing is fetched.
struct XMLRecordFields: RecordFields {
    private let textsByPath: [String: String]

    /// Parses an XML element and indexes the text of every element and attribute by path.
    init(payload: String) throws(NormalizationError) {
        let root: XMLTreeElement
        do {
            root = try XMLTreeElement(document: Data(payload.utf8))
        } catch {
            throw NormalizationError(.malformedPayload, reason: "the payload is not readable XML: \(error)", input: payload)
        }
        var texts: [String: String] = [:]
        Self.index(root, path: "", into: &texts)
        textsByPath = texts
    }

    func text(at path: String) throws(NormalizationError) -> String? {
        let key = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard let text = textsByPath[key], !text.isEmpty else { return nil }
        return text
    }

    /// Records the first occurrence of each path: an element's own text and its attributes.
    private static func index(_ element: XMLTreeElement, path: String, into texts: inout [String: String]) {
        for attribute in element.attributes {
            let key = path.isEmpty ? "@\(attribute.name)" : "\(path)/@\(attribute.name)"
            if texts[key] == nil { texts[key] = attribute.value }
        }
        let children = element.elements
        if !path.isEmpty, texts[path] == nil, children.isEmpty {
            texts[path] = TextFolding.trimmingWhitespace(element.text)
        }
        for child in children {
            index(child, path: path.isEmpty ? child.name : "\(path)/\(child.name)", into: &texts)
        }
    }
}
