import Foundation
import Schema
import Yams

/// A source's mapping file in `configs/sources/<id>.yaml`: the fields of a
/// ``Schema/SourceDescriptor`` without the publication time, and mapping entries whose `path`
/// may be left out when only a `default` is given.
///
/// The normalizer reads these files as its fallback catalog; a source producer reads its own
/// file and publishes it on `sources.catalog`, so both agree on one description.
///
/// ```yaml
/// id: us-listings-web
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
public struct SourceMappingDocument: Decodable, Sendable, Equatable {
    /// How one canonical field is read; ``Schema/FieldMapping`` with an optional path (left
    /// out when only a `default` or a `sum` is given).
    public struct Entry: Decodable, Sendable, Equatable {
        /// The field's path in the record; absent when only ``default`` is given.
        public var path: String?
        /// The unit of the field's values (`sqft`, `m2`).
        public var unit: String?
        /// The format of the field's values (a date pattern, a number convention).
        public var format: String?
        /// The language of the field's words.
        public var language: String?
        /// Source words mapped to canonical words.
        public var vocabulary: [String: String]?
        /// The value taken when the record has none.
        public var `default`: String?
        /// Further paths tried in order when ``path`` finds no value.
        public var alternatives: [String]?
        /// Paths whose numbers, times their weights, add up to the value.
        public var sum: [String: Double]?
        /// A path of the record that states the unit of the value.
        public var unitPath: String?
        /// Whether a record without a value is rejected.
        public var required: Bool?
    }

    /// The stable source id.
    public var id: String
    /// A display name; the id when absent.
    public var name: String?
    /// What kind of source this is.
    public var kind: SourceKind
    /// The market region, an ISO 3166-1 alpha-2 code.
    public var region: String
    /// The currency of amounts that do not name their own.
    public var currency: String
    /// The text format of the source's payloads.
    public var format: RecordFormat
    /// The locale of numbers, dates and words.
    public var locale: String?
    /// How each canonical field is read, by canonical field name.
    public var mapping: [String: Entry]

    /// Reads a mapping file's YAML text.
    /// - Parameter origin: Names the text in errors, usually the file's path.
    /// - Throws: ``ServiceSupportError/Code/invalidMapping`` with the decoder's explanation.
    public init(yaml: String, origin: String) throws(ServiceSupportError) {
        do {
            self = try YAMLDecoder().decode(SourceMappingDocument.self, from: yaml)
        } catch {
            throw ServiceSupportError(code: .invalidMapping, reason: "not a valid source mapping: \(error)", input: origin)
        }
    }

    /// The catalog entry this document describes, published at `publishedAt`.
    public func descriptor(publishedAt: Date) -> SourceDescriptor {
        SourceDescriptor(
            id: id,
            name: name ?? id,
            kind: kind,
            region: region,
            currency: currency,
            format: format,
            locale: locale,
            mapping: mapping.mapValues { entry in
                FieldMapping(
                    path: entry.path ?? "",
                    unit: entry.unit,
                    format: entry.format,
                    language: entry.language,
                    vocabulary: entry.vocabulary,
                    defaultValue: entry.default,
                    alternatives: entry.alternatives,
                    sum: entry.sum,
                    unitPath: entry.unitPath,
                    required: entry.required
                )
            },
            publishedAt: publishedAt
        )
    }
}
