import Foundation
import Schema

/// Applies a source's declarative mapping to its raw records: finds each field by its path,
/// reads it with the parser its canonical field needs (in the unit, format, language and
/// vocabulary the mapping declares) and returns the canonical fields, or every field error.
///
/// A field may name alternative paths (the first with a value wins), a weighted sum of paths
/// (full and half baths), a path stating its unit (`unitCode`) and whether it is required. A
/// path that finds nothing takes the mapping's default; a blank value or a placeholder such as
/// `n/a` counts as absent, which rejects the record only for a required field. A `region`
/// mapping reads each record's country (one site, several countries); without one, the
/// record's region is the source's. Every home needs a city (map `address.city` with a
/// default for datasets of one town).
public struct RecordMapper: Sendable {
    /// The source whose records this mapper reads.
    public let descriptor: SourceDescriptor
    /// The mapped fields but the region, by name: the order they are read in.
    private let fields: [(name: String, mapping: FieldMapping)]
    /// Whether the mapping reads address parts (`address.street`, …) besides any one-line address.
    private let mapsAddressParts: Bool
    /// Every path the mapping reads in a JSON record, read once for all records.
    private let jsonPaths: [String: JSONPath]

    /// Creates a mapper for a source.
    /// - Throws: ``NormalizationError/Code/invalidMapping`` naming the first field that is
    ///   neither a ``CanonicalField`` nor an `extra.` attribute.
    public init(descriptor: SourceDescriptor) throws(NormalizationError) {
        for name in descriptor.mapping.keys.sorted()
        where CanonicalField(rawValue: name) == nil && !name.hasPrefix(CanonicalField.extraPrefix) {
            throw NormalizationError(
                .invalidMapping,
                reason: "'\(name)' is not a canonical field of source '\(descriptor.id)'",
                field: name
            )
        }
        for (name, mapping) in descriptor.mapping.sorted(by: { $0.key < $1.key }) {
            guard let weights = mapping.sum else { continue }
            guard [.rooms, .bedrooms, .bathrooms, .garageSpaces].contains(CanonicalField(rawValue: name)) else {
                throw NormalizationError(
                    .invalidMapping, reason: "a sum adds counts: rooms, bedrooms, bathrooms or garageSpaces", field: name)
            }
            guard weights.values.allSatisfy({ $0.isFinite && abs($0) <= 10 }) else {
                throw NormalizationError(.invalidMapping, reason: "a sum's weights are finite numbers within ±10", field: name)
            }
        }
        self.descriptor = descriptor
        fields = descriptor.mapping.sorted { $0.key < $1.key }.filter { $0.key != CanonicalField.region.rawValue }
            .map { (name: $0.key, mapping: $0.value) }
        mapsAddressParts = descriptor.mapping.keys.contains { CanonicalField(rawValue: $0)?.isAddressComponent == true }
        let paths = descriptor.mapping.values.flatMap { mapping in
            mapping.paths + (mapping.sum.map { Array($0.keys) } ?? []) + (mapping.unitPath.map { [$0] } ?? [])
        }
        jsonPaths = Dictionary(paths.map { ($0, JSONPath($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Maps one raw record.
    /// - Returns: The mapped record, or a ``MappingFailure`` listing every field that failed.
    public func map(_ record: RawRecord) -> Result<MappedRecord, MappingFailure> {
        var reading: RecordReading
        do {
            let format = RecordFormat(contentType: record.contentType) ?? descriptor.format
            let fields = try format.fields(of: record.payload, jsonPaths: jsonPaths)
            reading = RecordReading(
                parsing: try FieldParsing(region: try region(of: record, fields: fields), descriptor: descriptor),
                fields: fields,
                mapsAddressParts: mapsAddressParts
            )
        } catch {
            return .failure(MappingFailure(errors: [error.inRecord(record.key)]))
        }
        for (name, mapping) in fields {
            reading.read(name, mapping: mapping)
        }
        reading.finish(fetchedAt: record.fetchedAt)
        guard reading.errors.isEmpty else {
            return .failure(MappingFailure(errors: reading.errors.map { $0.inRecord(record.key) }))
        }
        var fields = reading.values
        for (field, term) in reading.unmappedTerms {
            fields[MappedRecord.unmappedPrefix + field] = FieldValue(.text(term), raw: term)
        }
        return .success(
            MappedRecord(
                sourceId: record.sourceId,
                recordId: record.recordId,
                region: reading.parsing.country.rawValue,
                fetchedAt: record.fetchedAt,
                fields: fields,
                matchingKey: reading.matchingKey
            )
        )
    }

    /// The record's region: its `region` field when the source maps one, else the region the
    /// producer stamped on it (the source's).
    /// - Throws: ``NormalizationError/Code/unsupportedRegion`` naming the `region` field for a
    ///   country the parsers do not know, ``NormalizationError/Code/missingField`` when the
    ///   record has none and the mapping gives no default.
    private func region(of record: RawRecord, fields: any RecordFields) throws(NormalizationError) -> String {
        guard let mapping = descriptor.mapping[CanonicalField.region.rawValue] else { return record.region }
        let found: String?
        do {
            found = try fields.firstValue(at: mapping.paths)
        } catch {
            throw error.naming(field: CanonicalField.region.rawValue)
        }
        guard let text = (found ?? mapping.defaultValue).map(TextFolding.collapsingWhitespace), !text.isEmpty else {
            throw NormalizationError(.missingField, reason: "the record names no country", field: CanonicalField.region.rawValue)
        }
        guard let country = Country(naming: mapping.ownTerm(for: text) ?? text) else {
            throw NormalizationError(
                .unsupportedRegion,
                reason: "'\(text)' is not one of the supported countries: " + Country.allCases.map(\.rawValue).joined(separator: ", "),
                field: CanonicalField.region.rawValue,
                input: text
            )
        }
        return country.rawValue
    }
}
