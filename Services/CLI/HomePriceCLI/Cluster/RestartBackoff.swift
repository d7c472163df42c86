/// The supervisor's restart delays: the first crash waits the initial delay, each crash in a
/// row doubles it up to the maximum, and a service that ran stably (at least `stableAfter`)
/// before crashing starts over at the initial delay.
struct RestartBackoff: Sendable, Equatable {
    let initialMilliseconds: Int
    let maximumMilliseconds: Int
    let stableAfterMilliseconds: Int
    private var nextDelays: [String: Int] = [:]

    init(initialMilliseconds: Int, maximumMilliseconds: Int, stableAfterMilliseconds: Int) {
        self.initialMilliseconds = initialMilliseconds
        self.maximumMilliseconds = maximumMilliseconds
        self.stableAfterMilliseconds = stableAfterMilliseconds
    }

    /// The delay before restarting `service`, which crashed after running `ranMilliseconds`.
    mutating func delay(for service: String, ranMilliseconds: Int) -> Int {
        if ranMilliseconds >= stableAfterMilliseconds { nextDelays[service] = nil }
        let delay = nextDelays[service, default: initialMilliseconds]
        nextDelays[service] = min(delay * 2, maximumMilliseconds)
        return delay
    }
}
