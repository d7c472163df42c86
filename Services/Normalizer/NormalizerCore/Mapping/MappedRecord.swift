import Foundation
import Schema

/// One raw record after its source's mapping: canonical fields with their source text, ready
/// for entity resolution.
///
/// Field names are the canonical names of ``Schema/Home`` (`livingArea`, `address.street`,
/// `extra.pool`); composite source fields are already split (`builtDate` into `builtYear`
/// and `builtMonth`).
public struct MappedRecord: Sendable, Equatable, Codable {
    /// The source id.
    public var sourceId: String
    /// The record's id within its source.
    public var recordId: String
    /// The market region, ISO 3166-1 alpha-2.
    public var region: String
    /// When the record was fetched.
    public var fetchedAt: Date
    /// The canonical fields found in the record.
    public var fields: [String: FieldValue]
    /// The prefix of a field whose source term no vocabulary knows: `unmapped.heating` holds
    /// the raw term. The home is kept without the field; the term stays in its provenance.
    public static let unmappedPrefix = "unmapped."

    /// The key of the normalised address (see ``PostalAddress/matchingKey``), or `nil` when the
    /// record has no street address and so cannot be matched with other records.
    public var matchingKey: String?

    /// `sourceId/recordId`, the key of the raw record.
    public var key: String { "\(sourceId)/\(recordId)" }

    /// Creates a mapped record.
    public init(
        sourceId: String,
        recordId: String,
        region: String,
        fetchedAt: Date,
        fields: [String: FieldValue],
        matchingKey: String?
    ) {
        self.sourceId = sourceId
        self.recordId = recordId
        self.region = region
        self.fetchedAt = fetchedAt
        self.fields = fields
        self.matchingKey = matchingKey
    }

    /// The date the record's price applies to, as `yyyymmdd` (an unknown month or day is 0):
    /// `priceDate` when the mapping reads one, else the sale date of a sale (or its listing date)
    /// or the listing date of any other price — never an asking price dated by an old sale.
    public var priceDate: Int? {
        func date(_ field: CanonicalField) -> Int? {
            if case .integer(let value) = self[field.rawValue] { return value }
            return nil
        }
        let isSale = self[CanonicalField.priceKind.rawValue] == .text(PriceKind.sold.rawValue)
        return date(.priceDate) ?? (isSale ? date(.saleDate) ?? date(.listingDate) : date(.listingDate))
    }

    /// The canonical value of a field, if present.
    public subscript(field: String) -> CanonicalValue? {
        fields[field]?.value
    }
}
