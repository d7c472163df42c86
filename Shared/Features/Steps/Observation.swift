import Foundation

/// The calendar position of an observation date in UTC, so a feature never depends on the
/// time zone of the machine that computes it.
public struct Observation: Sendable, Equatable {
    /// The UTC year.
    public var year: Int
    /// The UTC month, 1–12.
    public var month: Int

    /// The UTC year and month of `date`.
    public init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month], from: date)
        year = parts.year ?? 1970
        month = parts.month ?? 1
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
