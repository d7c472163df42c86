import Foundation
import Schema

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Turns files into the raw records a source would publish, the way its format declares:
/// a JSON document (an object, or an array of objects), JSON lines, a CSV file (header plus
/// rows, one record per row) or an XML document (one record per child of the root element).
enum DryRunInput {
    /// The raw records of one file's text.
    static func records(in text: String, file: String, source: SourceDescriptor, fetchedAt: Date) throws(NormalizationError) -> [RawRecord]
    {
        let payloads = try payloads(in: text, file: file, format: source.format)
        let name = URL(fileURLWithPath: file).lastPathComponent
        return payloads.enumerated().map { index, payload in
            RawRecord(
                sourceId: source.id,
                recordId: "\(name)#\(index + 1)",
                region: source.region,
                fetchedAt: fetchedAt,
                contentType: source.format.contentType,
                payload: payload
            )
        }
    }

    private static func payloads(in text: String, file: String, format: RecordFormat) throws(NormalizationError) -> [String] {
        switch format {
        case .json:
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            if let elements = object as? [Any] {
                return try elements.map { element throws(NormalizationError) in
                    guard let data = try? JSONSerialization.data(withJSONObject: element, options: [.sortedKeys]) else {
                        throw NormalizationError(.malformedPayload, reason: "an array element is not an object", input: file)
                    }
                    return String(decoding: data, as: UTF8.self)
                }
            }
            if object != nil {
                return [text]
            }
            return text.split(whereSeparator: \.isNewline).map(String.init).filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
        case .csv:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let header = lines.first else { return [] }
            return lines.dropFirst().map { "\(header)\n\($0)" }
        case .xml:
            return try xmlElements(text, file: file)
        case .html:
            return [text]
        }
    }

    private static func xmlElements(_ text: String, file: String) throws(NormalizationError) -> [String] {
        guard let document = try? XMLDocument(xmlString: text, options: []), let root = document.rootElement() else {
            throw NormalizationError(.malformedPayload, reason: "the file is not valid XML", input: file)
        }
        return (root.children ?? []).compactMap { $0 as? XMLElement }.map { $0.xmlString }
    }
}
