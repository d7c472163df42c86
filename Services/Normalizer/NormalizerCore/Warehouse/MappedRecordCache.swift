import Schema
import Synchronization

/// The mapped records a warehouse saved or read, kept decoded by key: entity resolution reads
/// every candidate and cluster member from here instead of decoding its stored JSON again. A
/// warehouse whose every read is a round trip (PostgreSQL) also keeps the cluster it last saw
/// each record in, the members of the clusters it read whole (kept whole as its own
/// assignments move records between clusters), and the review tasks it read or wrote (or
/// found missing).
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
        /// Every member of the clusters read whole. A record in one of these lists has its
        /// cluster in ``clusters``, so a move can take it out of its old list.
        var members: [String: Set<String>] = [:]
        /// Review tasks by id; `nil` for one known not to exist.
        var reviewTasks: [String: ReviewTask?] = [:]
        var dataVersion: Int64?

        mutating func removeAll() {
            records.removeAll(keepingCapacity: true)
            reviewTasks.removeAll(keepingCapacity: true)
            removeClusters()
        }

        /// Forgets every record's cluster, and with them the members of every cluster.
        mutating func removeClusters() {
            clusters.removeAll(keepingCapacity: true)
            members.removeAll(keepingCapacity: true)
        }

        /// Keeps a record; the records start over when `limit` of them are kept.
        mutating func keep(_ record: MappedRecord, limit: Int) {
            records.keep(record, forKey: record.key, limit: limit)
        }

        /// Keeps a record's cluster, moving it between the member lists kept; the clusters (and
        /// member lists) start over when `limit` of them are kept.
        mutating func keep(cluster: String?, ofRecord key: String, limit: Int) {
            if clusters.count >= limit, clusters[key] == nil {
                removeClusters()
            }
            if case .some(.some(let previous)) = clusters[key], previous != cluster, members[previous] != nil {
                members[previous]?.remove(key)
                // An emptied cluster (merged away) is read again if ever asked for.
                if members[previous]?.isEmpty == true { members[previous] = nil }
            }
            if let cluster { members[cluster]?.insert(key) }
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

    /// The keys of every member of the cluster `id` (bytewise ascending), if it was read whole
    /// (``keep(members:ofCluster:)``).
    public func members(ofCluster id: String) -> [String]? {
        state.withLock { $0.members[id] }.map { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
    }

    /// Keeps `keys` as every member of the cluster `id`, as a read of the whole cluster found
    /// them.
    public func keep(members keys: [String], ofCluster id: String) {
        guard limit > 0 else { return }
        state.withLock { state in
            for key in keys { state.keep(cluster: id, ofRecord: key, limit: limit) }
            // Kept only if no key started the clusters over: the list must hold every member. A
            // cluster without members is not kept (nothing would ever free it).
            if !keys.isEmpty, keys.allSatisfy({ state.clusters[$0] == .some(id) }) {
                state.members[id] = Set(keys)
            }
        }
    }

    /// The review task `id` if known: `.some(nil)` when known not to exist, `nil` when not
    /// known.
    public func reviewTask(_ id: String) -> ReviewTask?? {
        state.withLock { $0.reviewTasks[id] }
    }

    /// Keeps `task` (`nil`: none exists) as the review task `id`; the tasks start over when
    /// `limit` of them are kept.
    public func keep(reviewTask task: ReviewTask?, id: String) {
        guard limit > 0 else { return }
        state.withLock { $0.reviewTasks.keep(task, forKey: id, limit: limit) }
    }

    /// Forgets every record, cluster and review task.
    public func removeAll() {
        state.withLock { $0.removeAll() }
    }
}

extension Dictionary {
    /// Sets `value` for `key`, first emptying the dictionary when it already holds `limit`
    /// entries and `key` is not one of them: a bounded cache that starts over when full.
    fileprivate mutating func keep(_ value: Value, forKey key: Key, limit: Int) {
        if count >= limit, self[key] == nil {
            removeAll(keepingCapacity: true)
        }
        self[key] = value
    }
}
