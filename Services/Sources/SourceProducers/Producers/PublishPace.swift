/// A cap on the messages (records and dead letters) a producer publishes per second, so a
/// backfill of an archive does not crowd out the live sources' records on `homes.raw`: batches
/// are cut to one second's worth, and after each batch of a file or feed page, its last one too,
/// the producer waits until its count is no longer ahead of the cap.
struct PublishPace: Sendable, Equatable {
    /// The most messages per second; 0 sets no cap.
    let maxRecordsPerSecond: Int

    /// The batch size to publish with: the configured one, cut to one second's worth under a
    /// cap, so no batch goes out as a burst far above it.
    func batchSize(configured: Int) -> Int {
        let configured = max(1, configured)
        return maxRecordsPerSecond > 0 ? min(configured, maxRecordsPerSecond) : configured
    }

    /// How long to wait once `published` messages are out, `elapsed` after the first batch
    /// began, so the count stays within the cap: zero when it already is, or with no cap.
    func delay(afterPublishing published: Int, elapsed: Duration) -> Duration {
        guard maxRecordsPerSecond > 0 else { return .zero }
        let due = Duration.seconds(Double(published) / Double(maxRecordsPerSecond))
        return due > elapsed ? due - elapsed : .zero
    }
}
