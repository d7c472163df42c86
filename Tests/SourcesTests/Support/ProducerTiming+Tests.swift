import Sources

extension ProducerTiming {
    /// Short polls and retries, so tests wait milliseconds rather than seconds; a long request
    /// timeout, which only a starved test run reaches.
    static let fastForTests = ProducerTiming(
        pollInterval: .milliseconds(20), requestTimeout: .seconds(60), initialRetryDelay: .milliseconds(10),
        maximumRetryDelay: .milliseconds(100), maximumAttempts: 5)
}
