import Foundation
import Markup

/// Reads a listing out of a parsed page by the site's ``ExtractionRule``.
struct RecordExtractor: Sendable {
    let rule: ExtractionRule

    /// The listing of `document`, fetched from `url`, or why there is none.
    func extract(from document: HTMLDocument, url: URL) -> Result<ExtractedRecord, ExtractionFailure> {
        switch rule {
        case .jsonLD(let types, let recordIdPath):
            for block in document.strings("//script[@type='application/ld+json']") {
                let text = block.trimmingCharacters(in: .whitespacesAndNewlines)
                guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { continue }
                let type = object["@type"] as? String ?? ""
                guard types.isEmpty || types.contains(type) else { continue }
                let id = Self.value(at: recordIdPath, in: object) ?? url.lastPathComponent
                return .success(ExtractedRecord(recordId: id, payload: text, contentType: "application/ld+json"))
            }
            return .failure(ExtractionFailure(field: nil, message: "no JSON-LD block of a listing type on \(url.absoluteString)"))
        case .selectors(let selectors, let recordIdField):
            var fields: [String: String] = [:]
            for (field, xpath) in selectors {
                if let value = document.strings(xpath).first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
                    fields[field] = value
                }
            }
            guard let id = fields[recordIdField] else {
                return .failure(
                    ExtractionFailure(
                        field: recordIdField, message: "the selector of \(recordIdField) found nothing on \(url.absoluteString)"))
            }
            guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return .failure(ExtractionFailure(field: nil, message: "the selected fields cannot be written as JSON"))
            }
            return .success(ExtractedRecord(recordId: id, payload: String(decoding: data, as: UTF8.self), contentType: "application/json"))
        }
    }

    private static func value(at path: String, in object: [String: Any]) -> String? {
        var current: Any = object
        for key in path.split(separator: ".") {
            guard let next = (current as? [String: Any])?[String(key)] else { return nil }
            current = next
        }
        return current as? String ?? (current as? NSNumber)?.stringValue
    }
}

/// Why a listing page yielded no record.
struct ExtractionFailure: Error, Equatable {
    let field: String?
    let message: String
}
