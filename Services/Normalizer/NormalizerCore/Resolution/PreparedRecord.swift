import Schema

/// A mapped record with what storing it takes, computed before the serial warehouse
/// transaction (a batch prepares its records on every core): its blocking keys and the JSON
/// the warehouse keeps of it.
public struct PreparedRecord: Sendable {
    /// The record.
    public let record: MappedRecord
    /// The blocks it is compared within (``BlockingKeys``), unique and sorted.
    public let blockingKeys: [String]
    /// The record's ``Schema/SchemaJSON`` text, as the warehouse stores it.
    public let json: String

    /// Prepares `record` under `blockingKeys` (by default its own, ``BlockingKeys/keys(of:)``).
    /// - Throws: ``NormalizationError/Code/unparseableField`` naming the field when a value has
    ///   no JSON form (a non-finite number): the record is rejected, not stored.
    public init(_ record: MappedRecord, blockingKeys: [String]? = nil) throws(NormalizationError) {
        self.record = record
        self.blockingKeys = Set(blockingKeys ?? BlockingKeys.keys(of: record)).sorted()
        do {
            json = try SchemaJSONEncoder().encodeText(record)
        } catch let error as EncodingError {
            guard case .invalidValue(_, let context) = error else { throw Self.unencodable(record, field: nil, error) }
            throw Self.unencodable(record, field: context.codingPath.map(\.stringValue).joined(separator: "."), error)
        } catch {
            throw Self.unencodable(record, field: nil, error)
        }
    }

    private static func unencodable(_ record: MappedRecord, field: String?, _ error: any Error) -> NormalizationError {
        NormalizationError(
            .unparseableField, reason: "the mapped value cannot be stored as JSON: \(error)", field: field, record: record.key)
    }
}
