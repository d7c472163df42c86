import Foundation
import Synchronization

/// When something last happened, shared between a worker and its watchdog.
final class LastActivity: Sendable {
    private let last = Mutex(ContinuousClock.now)

    /// Records activity now.
    func touch() {
        last.withLock { $0 = .now }
    }

    /// Seconds since the last activity.
    var idle: Double {
        let elapsed = ContinuousClock.now - last.withLock { $0 }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
