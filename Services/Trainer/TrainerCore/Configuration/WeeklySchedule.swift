import Foundation

/// A weekly training slot, for example Monday 02:00, in each region's own time zone.
public struct WeeklySchedule: Sendable, Equatable {
    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int
    /// The hour, 0–23, in the region's time zone.
    public var hour: Int
    /// The minute, 0–59.
    public var minute: Int

    /// Creates a schedule.
    public init(weekday: Int, hour: Int, minute: Int) {
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
    }

    /// The latest slot at or before `date` in `timeZone`.
    public func latestSlot(atOrBefore date: Date, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Foundation's weekday: 1 is Sunday; ISO's: 1 is Monday.
        let foundationWeekday = weekday % 7 + 1
        let components = DateComponents(hour: hour, minute: minute, second: 0, weekday: foundationWeekday)
        let next =
            calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime, direction: .backward)
            ?? date
        // `nextDate(after:)` is strictly before `date`; a slot exactly at `date` counts.
        if let exact = calendar.nextDate(after: date.addingTimeInterval(-1), matching: components, matchingPolicy: .nextTime),
            exact <= date
        {
            return max(exact, next)
        }
        return next
    }
}
