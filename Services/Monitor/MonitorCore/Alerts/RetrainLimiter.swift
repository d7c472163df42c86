import Foundation

/// At most one retrain per region per interval of event time, so a drifting region sends one
/// command, not a storm. Event time (not the wall clock) keeps a replay after a restart
/// deciding exactly as the first pass did.
public struct RetrainLimiter: Sendable, Equatable {
    /// The shortest event time between two retrains of a region.
    public let minimumInterval: TimeInterval
    private var lastRetrain: [String: Date] = [:]
    /// Retrains refused because one was sent too recently, per region.
    public private(set) var suppressed: [String: Int] = [:]

    /// A limiter that has allowed nothing yet.
    public init(minimumInterval: TimeInterval) {
        self.minimumInterval = minimumInterval
    }

    /// Whether `region` may be retrained at `time`; records the retrain when it may.
    public mutating func allow(region: String, at time: Date) -> Bool {
        if let last = lastRetrain[region], time.timeIntervalSince(last) < minimumInterval {
            suppressed[region, default: 0] += 1
            return false
        }
        lastRetrain[region] = time
        return true
    }
}
