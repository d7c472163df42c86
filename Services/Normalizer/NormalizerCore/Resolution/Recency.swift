import Foundation
import Schema

/// How recent a record is for the merge policy, by its own dates: the date its price applies to
/// (``MappedRecord/priceDate``), then the UTC day it was fetched.
///
/// The fetch *day*, not the instant: two runs over the same sources fetch the same records
/// milliseconds apart in a different order, and that must not change a canonical value.
struct Recency: Comparable {
    /// `priceDate` as `yyyymmdd` (an unknown month or day is 0); 0 when absent, so a dated
    /// record is more recent than an undated one.
    let priceDate: Int
    /// Days since 1970-01-01 (UTC) of the fetch.
    let fetchDay: Int

    init(_ record: MappedRecord) {
        priceDate = record.priceDate ?? 0
        fetchDay = record.fetchedAt.daysSince1970
    }

    static func < (left: Recency, right: Recency) -> Bool {
        (left.priceDate, left.fetchDay) < (right.priceDate, right.fetchDay)
    }
}
