import Foundation

extension Date {
    /// Whole days since 1970-01-01 (UTC): the day a record was fetched or a price was dated,
    /// for orders that must not depend on the time of day.
    public var daysSince1970: Int { Int((timeIntervalSince1970 / 86_400).rounded(.down)) }
}
