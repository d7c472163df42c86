import Foundation
import Schema
import Yams

/// A source's mapping file in `configs/sources/`, in YAML: the fields of a
/// ``Schema/SourceDescriptor`` without the publication time, and mapping entries whose `path`
/// may be left out when only a `default` is given.
///
/// ```yaml
/// id: us-listings
/// name: US listing site
/// kind: crawledSite
/// region: US
/// currency: USD
/// format: json
/// locale: en-US
/// mapping:
///   livingArea: { path: sqft, unit: sqft }
///   address.city: { default: Springfield }
/// ```
struct SourceMappingDocument: Decodable {
    struct Entry: Decodable {
        var path: String?
        var unit: String?
        var format: String?
        var language: String?
        var vocabulary: [String: String]?
        var `default`: String?
    }

    var id: String
    var name: String?
    var kind: SourceKind
    var region: String
    var currency: String
    var format: RecordFormat
    var locale: String?
    var mapping: [String: Entry]

    /// Reads a mapping file's text.
    /// - Throws: ``NormalizationError/Code/invalidMapping`` with the decoder's explanation.
    static func descriptor(yaml: String, origin: String, publishedAt: Date) throws(NormalizationError) -> SourceDescriptor {
        let document: SourceMappingDocument
        do {
            document = try YAMLDecoder().decode(SourceMappingDocument.self, from: yaml)
        } catch {
            throw NormalizationError(.invalidMapping, reason: "not a valid source mapping: \(error)", input: origin)
        }
        return SourceDescriptor(
            id: document.id,
            name: document.name ?? document.id,
            kind: document.kind,
            region: document.region,
            currency: document.currency,
            format: document.format,
            locale: document.locale,
            mapping: document.mapping.mapValues { entry in
                FieldMapping(
                    path: entry.path ?? "",
                    unit: entry.unit,
                    format: entry.format,
                    language: entry.language,
                    vocabulary: entry.vocabulary,
                    defaultValue: entry.default
                )
            },
            publishedAt: publishedAt
        )
    }
}
