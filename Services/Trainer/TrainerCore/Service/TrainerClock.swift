import Foundation

/// Where the trainer reads the time: the system clock in production, any clock in tests (the
/// weekly schedule is tested by moving it).
public struct TrainerClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock reading `read`.
    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The system clock.
    public static let system = TrainerClock { Date() }

    /// The current time.
    public var now: Date { read() }
}
