import Synchronization

/// The mapped records a warehouse saved or read, kept decoded by key: entity resolution reads
/// every candidate and cluster member from here instead of decoding its stored JSON again.
///
/// It holds only what the file holds: it is emptied when another connection has written the
/// file since it was filled (SQLite's `data_version` changed), when a transaction rolls back,
/// and when it reaches its limit.
final class MappedRecordCache: Sendable {
    private struct State {
        var records: [String: MappedRecord] = [:]
        var dataVersion: Int64?
    }

    /// The most records kept; zero keeps none.
    let limit: Int
    private let state = Mutex(State())

    /// Creates an empty cache of at most `limit` records.
    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Empties the cache unless `dataVersion` (the file's `PRAGMA data_version`) is the one it
    /// was filled under.
    func validate(dataVersion: Int64) {
        state.withLock { state in
            if state.dataVersion != dataVersion {
                state.records.removeAll()
                state.dataVersion = dataVersion
            }
        }
    }

    /// The record with `key`, if kept.
    func record(_ key: String) -> MappedRecord? {
        state.withLock { $0.records[key] }
    }

    /// Keeps `record` (replacing an older version); a full cache is emptied first.
    func keep(_ record: MappedRecord) {
        guard limit > 0 else { return }
        state.withLock { state in
            if state.records.count >= limit, state.records[record.key] == nil {
                state.records.removeAll(keepingCapacity: true)
            }
            state.records[record.key] = record
        }
    }

    /// Forgets every record.
    func removeAll() {
        state.withLock { $0.records.removeAll() }
    }
}
