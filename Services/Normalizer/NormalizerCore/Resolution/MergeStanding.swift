/// What the ``MergePolicy`` ranks a record by when several records give a field: its source's
/// trust, its ``Recency``, and its source and record ids for ties.
struct MergeStanding: Sendable {
    /// The trust of the record's source.
    let trust: Double
    /// How recent the record is, by its own dates.
    let recency: Recency
    /// The record's source id.
    let sourceId: String
    /// The record's id within its source.
    let recordId: String
}
