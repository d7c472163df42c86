import Foundation
import Schema

/// The canonical home one raw record describes on its own: its source's mapping and parsers,
/// then the merge policy over that one record, exactly as the normalizer builds a home for a
/// record that matches no other, without entity resolution and without the warehouse.
///
/// The model server runs it on raw records sent for prediction, so `"130 m2"`, `"Mai 1990"`
/// and `"CAD 450K"` are read by the very code that read the training data.
public struct SingleRecordNormalizer: Sendable {
    private let assembler: HomeAssembler

    /// Creates the normalizer with the merge policy and exchange rates of `configuration`.
    public init(configuration: NormalizerConfiguration) {
        assembler = HomeAssembler(policy: configuration.merge, exchangeRates: configuration.exchangeRates)
    }

    /// The home of `record`, mapped with `source`'s mapping.
    ///
    /// - Returns: The home (its id is the record's key), or every field error of the record.
    public func home(from record: RawRecord, source: SourceDescriptor, at date: Date) -> Result<Home, MappingFailure> {
        let mapper: RecordMapper
        do {
            mapper = try RecordMapper(descriptor: source)
        } catch {
            return .failure(MappingFailure(errors: [error.inRecord(record.key)]))
        }
        return mapper.map(record).map { assembler.home(id: record.key, records: [$0], normalizedAt: date) }
    }
}
