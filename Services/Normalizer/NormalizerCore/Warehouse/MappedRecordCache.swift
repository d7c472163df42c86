import Synchronization

/// The mapped records a warehouse saved or read, kept decoded by key: entity resolution reads
/// every candidate and cluster member from here instead of decoding its stored JSON again. A
/// warehouse whose every read is a round trip (PostgreSQL) also keeps the cluster it last saw
/// each record in.
///
/// It holds only what the store holds: it is emptied when another connection has written the
/// store since it was filled (the store's data version changed: SQLite's `data_version`, the
/// generation counter of a PostgreSQL warehouse's region, which keeps one cache per region),
/// when a transaction rolls back, and when it reaches its limit.
public final class MappedRecordCache: Sendable {
    private struct State {
        var records: [String: MappedRecord] = [:]
        /// The cluster of each record whose cluster is known; `nil` for one in none yet.
        var clusters: [String: String?] = [:]
        var dataVersion: Int64?

        mutating func removeAll() {
            records.removeAll(keepingCapacity: true)
            clusters.removeAll(keepingCapacity: true)
        }

        /// Keeps a record; the records start over when `limit` of them are kept.
        mutating func keep(_ record: MappedRecord, limit: Int) {
            if records.count >= limit, records[record.key] == nil {
                records.removeAll(keepingCapacity: true)
            }
            records[record.key] = record
        }

        /// Keeps a record's cluster; the clusters start over when `limit` of them are kept.
        mutating func keep(cluster: String?, ofRecord key: String, limit: Int) {
            if clusters.count >= limit, clusters[key] == nil {
                clusters.removeAll(keepingCapacity: true)
            }
            clusters[key] = .some(cluster)
        }
    }

    /// The most records kept; zero keeps none.
    public let limit: Int
    private let state = Mutex(State())

    /// Creates an empty cache of at most `limit` records.
    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Empties the cache unless `dataVersion` (the store's data version, read before the
    /// records) is the one it was filled under.
    public func validate(dataVersion: Int64) {
        state.withLock { state in
            if state.dataVersion != dataVersion {
                state.removeAll()
                state.dataVersion = dataVersion
            }
        }
    }

    /// Notes that this connection itself moved the store's data version from `previous` to
    /// `next` (its own write): the kept records stay if they were filled under `previous`.
    public func advance(from previous: Int64, to next: Int64) {
        state.withLock { state in
            if state.dataVersion != previous {
                state.removeAll()
            }
            state.dataVersion = next
        }
    }

    /// The record with `key`, if kept.
    public func record(_ key: String) -> MappedRecord? {
        state.withLock { $0.records[key] }
    }

    /// Keeps `record` (replacing an older version); full kept records start over first.
    public func keep(_ record: MappedRecord) {
        guard limit > 0 else { return }
        state.withLock { $0.keep(record, limit: limit) }
    }

    /// Keeps `record` and `cluster` (`nil`: none) as its cluster, as one read or write of the
    /// store found them.
    public func keep(_ record: MappedRecord, inCluster cluster: String?) {
        guard limit > 0 else { return }
        state.withLock { state in
            state.keep(record, limit: limit)
            state.keep(cluster: cluster, ofRecord: record.key, limit: limit)
        }
    }

    /// The cluster of the record with `key` if known: `.some(nil)` when it is in none,
    /// `nil` when it is not known.
    public func cluster(ofRecord key: String) -> String?? {
        state.withLock { $0.clusters[key] }
    }

    /// Keeps `cluster` (`nil`: none) as the cluster of the records with `keys`; when the
    /// clusters kept reach the limit they start over (the records stay).
    public func keep(cluster: String?, ofRecords keys: some Sequence<String>) {
        guard limit > 0 else { return }
        state.withLock { state in
            for key in keys { state.keep(cluster: cluster, ofRecord: key, limit: limit) }
        }
    }

    /// Forgets every record and cluster.
    public func removeAll() {
        state.withLock { $0.removeAll() }
    }
}
