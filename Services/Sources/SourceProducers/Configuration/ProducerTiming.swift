/// How a generic producer paces itself: polling, HTTP timeouts and retries with backoff.
///
/// There are no defaults in code: every value comes from `configs/producers.yaml` (overridden
/// per source in `configs/sources/producers/<id>.yaml`, then by environment variables).
public struct ProducerTiming: Sendable, Equatable {
    /// How long a watching or following producer waits between looks at its input.
    public var pollInterval: Duration
    /// The timeout of one feed request.
    public var requestTimeout: Duration
    /// The first delay after a failed fetch; it doubles up to ``maximumRetryDelay``.
    public var initialRetryDelay: Duration
    /// The longest delay between fetch retries.
    public var maximumRetryDelay: Duration
    /// How many consecutive failed fetches are tried before the producer fails; 0 retries
    /// forever.
    public var maximumAttempts: Int

    /// Creates timing settings.
    public init(
        pollInterval: Duration,
        requestTimeout: Duration,
        initialRetryDelay: Duration,
        maximumRetryDelay: Duration,
        maximumAttempts: Int
    ) {
        self.pollInterval = pollInterval
        self.requestTimeout = requestTimeout
        self.initialRetryDelay = initialRetryDelay
        self.maximumRetryDelay = maximumRetryDelay
        self.maximumAttempts = maximumAttempts
    }
}
