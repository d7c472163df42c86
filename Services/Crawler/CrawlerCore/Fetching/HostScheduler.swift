/// Spaces requests to each host by the politeness delay.
actor HostScheduler {
    private var nextSlot: [String: ContinuousClock.Instant] = [:]

    /// Reserves the next slot for `host` at least `delay` after the previous one and returns
    /// how long to wait for it.
    func reserve(_ host: String, delay: Duration) -> Duration {
        let now = ContinuousClock.now
        let slot = max(now, nextSlot[host] ?? now)
        nextSlot[host] = slot.advanced(by: delay)
        return slot - now
    }
}
