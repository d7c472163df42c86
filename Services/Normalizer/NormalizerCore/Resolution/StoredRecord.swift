/// A record as the store held it, with the cluster (home id) it was in and the clusters it
/// last left.
public struct StoredRecord: Sendable, Equatable {
    /// The record.
    public var record: MappedRecord
    /// Its cluster.
    public var cluster: String
    /// The clusters the record last left (as they went on without it), in the order noted
    /// (``ResolutionStore/noteDeparture(ofRecord:leftClusters:)``); none if it never left one.
    public var departures: [String]

    /// A stored record in `cluster`, which left `departures` when it last left one.
    public init(record: MappedRecord, cluster: String, departures: [String] = []) {
        self.record = record
        self.cluster = cluster
        self.departures = departures
    }
}
