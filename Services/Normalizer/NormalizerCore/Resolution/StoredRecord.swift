/// A record as the store held it, with the cluster (home id) it was in.
public struct StoredRecord: Sendable, Equatable {
    /// The record.
    public var record: MappedRecord
    /// Its cluster.
    public var cluster: String

    /// A stored record in `cluster`.
    public init(record: MappedRecord, cluster: String) {
        self.record = record
        self.cluster = cluster
    }
}
