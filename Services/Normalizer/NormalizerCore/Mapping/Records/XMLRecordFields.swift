import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML record; a path is a slash-separated element path below the root element
/// (`Sale/Price`), ending in `@name` for an attribute (`Parcel/@id`).
struct XMLRecordFields: RecordFields {
    private let textsByPath: [String: String]

    /// Parses an XML element and indexes the text of every element and attribute by path.
    init(payload: String) throws(NormalizationError) {
        let document: XMLDocument
        do {
            document = try XMLDocument(xmlString: payload, options: [])
        } catch {
            throw NormalizationError(.malformedPayload, reason: "the payload is not valid XML", input: payload)
        }
        guard let root = document.rootElement() else {
            throw NormalizationError(.malformedPayload, reason: "the XML has no root element", input: payload)
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
    private static func index(_ element: XMLElement, path: String, into texts: inout [String: String]) {
        for attribute in element.attributes ?? [] {
            guard let name = attribute.name else { continue }
            let key = path.isEmpty ? "@\(name)" : "\(path)/@\(name)"
            if texts[key] == nil { texts[key] = attribute.stringValue }
        }
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        if !path.isEmpty, texts[path] == nil, children.isEmpty {
            texts[path] = element.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for child in children {
            guard let name = child.name else { continue }
            index(child, path: path.isEmpty ? name : "\(path)/\(name)", into: &texts)
        }
    }
}
