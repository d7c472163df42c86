import Sources

extension ProducerTiming {
    /// Short polls and retries, so tests wait milliseconds rather than seconds.
    static let fastForTests = ProducerTiming(
        pollInterval: .milliseconds(20), requestTimeout: .seconds(5), initialRetryDelay: .milliseconds(10),
        maximumRetryDelay: .milliseconds(100), maximumAttempts: 5)
}
