import Foundation
import Markup

/// Reads a listing out of a parsed page by the site's ``ExtractionRule``.
struct RecordExtractor: Sendable {
    let rule: ExtractionRule

    /// The listing of `document`, fetched from `url`, or why there is none.
    func extract(from document: HTMLDocument, url: URL) -> Result<ExtractedRecord, ExtractionFailure> {
        switch rule {
        case .jsonLD(let types, let recordIdPath):
            let graph = JSONLDGraph(blocks: document.strings("//script[contains(@type,'ld+json')]"))
            guard let node = graph.listing(types: types) else {
                let found = graph.nodes.flatMap { JSONLDGraph.types(of: $0.object) }
                return .failure(
                    ExtractionFailure(
                        field: nil,
                        message:
                            "no JSON-LD node of a listing type (\(types.isEmpty ? "any but page structure" : types.joined(separator: ", "))) "
                            + "on \(url.absoluteString); found \(found.isEmpty ? "none" : found.joined(separator: ", "))"))
            }
            let resolved = graph.resolved(node)
            let object = resolved ?? node.object
            var payload = resolved == nil ? node.blockText : nil
            if payload == nil {
                guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                    return .failure(ExtractionFailure(field: nil, message: "the JSON-LD listing cannot be written as JSON"))
                }
                payload = String(decoding: data, as: UTF8.self)
            }
            let id = Self.value(at: recordIdPath, in: object) ?? url.lastPathComponent
            return .success(ExtractedRecord(recordId: id, payload: payload ?? "", contentType: "application/ld+json"))
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
