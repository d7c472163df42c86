import Foundation

/// One price a source reported for a home: an asking price, a sale or an assessment, with the
/// date it applies to when the source gives one.
///
/// A home's ``Home/priceHistory`` keeps every such event of every merged record, so the
/// current asking price and the last sale are both known (``Home/price`` is the one the merge
/// policy chose).
public struct PriceEvent: Codable, Sendable, Equatable {
    /// What the price stands for.
    public var kind: PriceKind
    /// The price.
    public var price: Money
    /// The date the price applies to, ISO 8601 and as precise as the source (`2019-06-14`,
    /// `2019-06`, `2019`): the listing date of an asking price, the sale date of a sale.
    public var date: String?
    /// The source that reported it.
    public var sourceId: String
    /// The record, within its source.
    public var recordId: String
    /// When the record was fetched.
    public var fetchedAt: Date

    /// Creates a price event.
    public init(kind: PriceKind, price: Money, date: String? = nil, sourceId: String, recordId: String, fetchedAt: Date) {
        self.kind = kind
        self.price = price
        self.date = date
        self.sourceId = sourceId
        self.recordId = recordId
        self.fetchedAt = fetchedAt
    }

    /// The instant the price applies from: the start (UTC) of its ``date``, else the fetch.
    public var effectiveDate: Date {
        guard let date else { return fetchedAt }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return fetchedAt }
        var components = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt, year: year)
        components.month = parts.count > 1 ? parts[1] : 1
        components.day = parts.count > 2 ? parts[2] : 1
        return components.date ?? fetchedAt
    }
}
