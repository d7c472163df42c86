import Foundation
import Schema

/// Applies a source's declarative mapping to its raw records: finds each field by its path,
/// reads it with the parser its canonical field needs (in the unit, format, language and
/// vocabulary the mapping declares) and returns the canonical fields, or every field error.
///
/// A path that finds nothing takes the mapping's default; a blank value or a placeholder such
/// as `n/a` counts as absent. Every home needs a city (map `address.city` with a default for
/// datasets of one town).
public struct RecordMapper: Sendable {
    /// The source whose records this mapper reads.
    public let descriptor: SourceDescriptor

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
        self.descriptor = descriptor
    }

    /// Maps one raw record.
    /// - Returns: The mapped record, or a ``MappingFailure`` listing every field that failed.
    public func map(_ record: RawRecord) -> Result<MappedRecord, MappingFailure> {
        var reading: RecordReading
        do {
            let format = RecordFormat(contentType: record.contentType) ?? descriptor.format
            reading = RecordReading(
                parsing: try FieldParsing(region: record.region, descriptor: descriptor),
                fields: try format.fields(of: record.payload)
            )
        } catch {
            return .failure(MappingFailure(errors: [error.inRecord(record.key)]))
        }
        for (name, mapping) in descriptor.mapping.sorted(by: { $0.key < $1.key }) {
            reading.read(name, mapping: mapping)
        }
        reading.finish(fetchedAt: record.fetchedAt)
        guard reading.errors.isEmpty else {
            return .failure(MappingFailure(errors: reading.errors.map { $0.inRecord(record.key) }))
        }
        return .success(
            MappedRecord(
                sourceId: record.sourceId,
                recordId: record.recordId,
                region: reading.parsing.country.rawValue,
                fetchedAt: record.fetchedAt,
                fields: reading.values,
                matchingKey: reading.matchingKey
            )
        )
    }
}
