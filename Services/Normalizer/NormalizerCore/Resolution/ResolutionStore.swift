import Schema

/// What entity resolution remembers between records: every mapped record with its blocks and
/// cluster, and the review tasks with their decisions.
public protocol ResolutionStore: Sendable {
    /// Saves a prepared record (replacing an earlier version with the same key) under its
    /// blocking keys.
    /// - Returns: The version it replaced, with that version's cluster, when the record was in
    ///   one (resolution compares the two), and the clusters it last left; `nil` for a record
    ///   new to the store.
    @discardableResult
    func save(_ prepared: PreparedRecord) throws(NormalizationError) -> StoredRecord?
    /// The record with a key, if saved.
    func record(key: String) throws(NormalizationError) -> MappedRecord?
    /// Every record in any of the blocks.
    func records(inBlocks keys: [String]) throws(NormalizationError) -> [MappedRecord]
    /// The cluster (home id) a record belongs to, if assigned.
    func cluster(ofRecord key: String) throws(NormalizationError) -> String?
    /// Every record of a cluster.
    func records(inCluster id: String) throws(NormalizationError) -> [MappedRecord]
    /// Puts records into a cluster.
    func assign(recordKeys: [String], toCluster id: String) throws(NormalizationError)
    /// A review task by id, with its latest status.
    func reviewTask(id: String) throws(NormalizationError) -> ReviewTask?
    /// Saves a review task or its decision.
    func save(reviewTask: ReviewTask) throws(NormalizationError)
    /// Notes that the record with `key` left its cluster, which went on without it as
    /// `clusters`, replacing what an earlier departure of the record noted; the next ``save(_:)``
    /// of the record returns them (``StoredRecord/departures``).
    func noteDeparture(ofRecord key: String, leftClusters clusters: [String]) throws(NormalizationError)
}
