/// A cap on a producer's records per second over one file or feed page: after each batch the
/// producer waits until its count is no longer ahead of the cap, so a backfill of an archive
/// does not crowd out the live sources' records on `homes.raw`.
struct PublishPace: Sendable, Equatable {
    /// The most records per second; 0 sets no cap.
    let maxRecordsPerSecond: Int

    /// How long to wait once `published` records are out, `elapsed` after the first batch
    /// began, so the count stays within the cap: zero when it already is, or with no cap.
    func delay(afterPublishing published: Int, elapsed: Duration) -> Duration {
        guard maxRecordsPerSecond > 0 else { return .zero }
        let due = Duration.seconds(Double(published) / Double(maxRecordsPerSecond))
        return due > elapsed ? due - elapsed : .zero
    }
}
