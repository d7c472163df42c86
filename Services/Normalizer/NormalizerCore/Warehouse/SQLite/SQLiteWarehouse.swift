import Foundation
import Schema

/// The default ``NormalizerStore``: homes, their history and the resolution state in one
/// SQLite database file (or in memory, for dry runs and tests).
///
/// Homes and history rows hold the ``Schema/SchemaJSON`` text of the home; an upsert compares
/// the stored and the new text member by member, byte for byte, all but `normalizedAt`
/// (``StoredJSONMembers``), so nothing is stored beside the body for it (a second copy of
/// every home would double the bytes each upsert writes).
///
/// Several normalizer processes may share one file: it is kept in WAL mode (readers never wait
/// for the writer), and ``transaction(_:)`` takes the write lock when it begins, so one
/// process's read-resolve-write of a batch never interleaves with another's; the others wait
/// for up to the busy timeout.
public final class SQLiteWarehouse: NormalizerStore {
    private let database: SQLiteDatabase
    private let clock: @Sendable () -> Date
    private let recordCache: MappedRecordCache

    /// Opens (creating if needed) the warehouse at `path`; `":memory:"` for a private one.
    /// - Parameters:
    ///   - path: The database file, or `":memory:"`.
    ///   - busyTimeout: How long a transaction or statement waits while another process holds
    ///     the file's write lock before it fails with ``NormalizationError/Code/storageFailed``;
    ///     the default, zero, suits a database no other process opens. A shared file needs
    ///     at least the time one batch's transaction takes (`normalizer.warehouseBusyTimeoutMs`).
    ///   - recordCacheSize: How many mapped records are kept decoded in memory for entity
    ///     resolution (`normalizer.warehouseRecordCacheSize`); the default suits tests and dry runs.
    ///   - pageCacheMiB: How many MiB of database pages the connection keeps in memory, at least
    ///     one (`normalizer.warehousePageCacheMB`); SQLite's own default (2 MiB) when `nil`. A
    ///     cache that holds a batch's changed pages writes each once, at the commit.
    ///   - checkpointLimitMiB: Checkpoint the write-ahead log in the background, and in the
    ///     commit that leaves more than this many MiB in it (`normalizer.warehouseCheckpointLimitMB`;
    ///     see ``SQLiteCheckpointer``); SQLite's own checkpoint, in the commit, when `nil`.
    ///   - checkpointBackgroundMiB: With `checkpointLimitMiB`, how many MiB a commit leaves in
    ///     the log before it asks for a background checkpoint
    ///     (`normalizer.warehouseCheckpointBackgroundMB`).
    ///   - clock: The time stamped on history rows.
    /// - Throws: ``NormalizationError/Code/storageFailed``.
    public init(
        path: String,
        busyTimeout: Duration = .zero,
        recordCacheSize: Int = 10_000,
        pageCacheMiB: Int? = nil,
        checkpointLimitMiB: Int? = nil,
        checkpointBackgroundMiB: Int = 1,
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws(NormalizationError) {
        if path != ":memory:" {
            try? FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
        }
        database = try SQLiteDatabase(
            path: path, busyTimeout: busyTimeout, checkpointLimitMiB: checkpointLimitMiB, checkpointBackgroundMiB: checkpointBackgroundMiB)
        self.clock = clock
        recordCache = MappedRecordCache(limit: recordCacheSize)
        try database.execute(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS homes (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL, retired_into TEXT);
            CREATE TABLE IF NOT EXISTS home_history (
                home_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
                changed_fields TEXT NOT NULL, recorded_at REAL NOT NULL, PRIMARY KEY (home_id, version));
            CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, body TEXT NOT NULL, cluster TEXT);
            CREATE INDEX IF NOT EXISTS homes_retired_into ON homes (retired_into);
            CREATE INDEX IF NOT EXISTS records_cluster ON records (cluster);
            CREATE TABLE IF NOT EXISTS record_blocks (
                block TEXT NOT NULL, record_key TEXT NOT NULL, PRIMARY KEY (block, record_key));
            CREATE INDEX IF NOT EXISTS record_blocks_key ON record_blocks (record_key);
            CREATE TABLE IF NOT EXISTS review_tasks (task_id TEXT PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS record_departures (record_key TEXT PRIMARY KEY, clusters TEXT NOT NULL);
            """
        )
        if let pageCacheMiB { try database.execute("PRAGMA cache_size = -\(max(pageCacheMiB, 1) * 1024)") }
        try dropContentColumn()
        try rebuildBlocksIfOutdated()
        try markRetiredBodies()
    }

    /// Opens the warehouse at `path` with `configuration`'s busy timeout, record cache, page
    /// cache and checkpoint sizes: how the normalizer and the benchmarks that run one open theirs.
    public convenience init(path: String, configuration: NormalizerConfiguration) throws(NormalizationError) {
        try self.init(
            path: path, busyTimeout: configuration.warehouseBusyTimeout, recordCacheSize: configuration.warehouseRecordCacheSize,
            pageCacheMiB: configuration.warehousePageCacheMB, checkpointLimitMiB: configuration.warehouseCheckpointLimitMB,
            checkpointBackgroundMiB: configuration.warehouseCheckpointBackgroundMB)
    }

    /// Drops the `content` column that files written before kept beside each home's body (the
    /// body with `normalizedAt` set to the epoch; an upsert now compares the bodies). Once
    /// dropped, normalizers of earlier builds cannot use the file: upgrade every instance
    /// sharing it together.
    private func dropContentColumn() throws(NormalizationError) {
        func hasContent() throws(NormalizationError) -> Bool {
            try !database.query("SELECT 1 FROM pragma_table_info('homes') WHERE name = 'content'").isEmpty
        }
        guard try hasContent() else { return }
        try database.transaction { () throws(NormalizationError) in
            // Another process sharing the file may have dropped it while this one waited.
            guard try hasContent() else { return }
            try database.execute("ALTER TABLE homes DROP COLUMN content")
        }
    }

    /// Rewrites every record's blocks when the file's blocks were written under another
    /// ``BlockingKeys/version`` (the file's `user_version`), so records stored before keep
    /// being found.
    private func rebuildBlocksIfOutdated() throws(NormalizationError) {
        func current() throws(NormalizationError) -> Bool {
            try database.query("PRAGMA user_version").first?[0].integer == Int64(BlockingKeys.version)
        }
        guard try !current() else { return }
        try database.transaction { () throws(NormalizationError) in
            // Another process sharing the file may have rebuilt them while this one waited.
            guard try !current() else { return }
            try database.execute("DELETE FROM record_blocks")
            for row in try database.query("SELECT body FROM records") {
                let record = try Self.decode(MappedRecord.self, row[0])
                try insertBlocks(BlockingKeys.keys(of: record), of: record.key)
            }
            try database.execute("PRAGMA user_version = \(BlockingKeys.version)")
        }
    }

    public func transaction<Value>(_ body: () throws(NormalizationError) -> Value) throws(NormalizationError) -> Value {
        do {
            return try database.transaction(body)
        } catch {
            // The records kept since the transaction began may be rolled back.
            recordCache.removeAll()
            throw error
        }
    }

    // MARK: Warehouse

    public func upsert(_ home: Home) throws(NormalizationError) -> UpsertOutcome {
        try database.transaction { () throws(NormalizationError) -> UpsertOutcome in
            let body = try Self.body(of: home)
            let stored = try database.query("SELECT version, body, retired_into FROM homes WHERE id = ?", [.text(home.id)]).first
            let changed = stored.map { row in Self.changedFields(from: row[1].text ?? "{}", to: body) } ?? ["*"]
            if let stored, stored[2] == .null, changed.isEmpty {
                return UpsertOutcome(.unchanged, version: Int(stored[0].integer ?? 0))
            }
            let version = (stored?[0].integer ?? 0) + 1
            try database.query(
                "INSERT INTO homes (id, version, body, retired_into) VALUES (?, ?, ?, NULL) "
                    + "ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body, retired_into = NULL",
                [.text(home.id), .integer(version), .text(body)]
            )
            try recordHistory(homeId: home.id, version: version, body: body, changed: changed)
            return UpsertOutcome(stored == nil ? .inserted : .updated, version: Int(version))
        }
    }

    public func home(id: String) throws(NormalizationError) -> Home? {
        try database.query("SELECT version, body FROM homes WHERE id = ?", [.text(id)]).first.map { row throws(NormalizationError) in
            try Self.home(row[1], version: row[0])
        }
    }

    public func homes() throws(NormalizationError) -> [Home] {
        try database.query("SELECT version, body FROM homes WHERE retired_into IS NULL ORDER BY id").map { row throws(NormalizationError) in
            try Self.home(row[1], version: row[0])
        }
    }

    public func homes(retiredInto survivor: String) throws(NormalizationError) -> [Home] {
        try database.query("SELECT version, body FROM homes WHERE retired_into = ? ORDER BY id", [.text(survivor)]).map {
            row throws(NormalizationError) in try Self.home(row[1], version: row[0])
        }
    }

    public func history(ofHome id: String) throws(NormalizationError) -> [HomeRevision] {
        let rows = try database.query(
            "SELECT version, body, changed_fields, recorded_at FROM home_history WHERE home_id = ? ORDER BY version",
            [.text(id)]
        )
        return try rows.map { row throws(NormalizationError) in
            HomeRevision(
                version: Int(row[0].integer ?? 0),
                home: try Self.home(row[1], version: row[0]),
                changedFields: (row[2].text ?? "").split(separator: ",").map(String.init),
                recordedAt: Date(timeIntervalSince1970: Double(row[3].text ?? "") ?? 0)
            )
        }
    }

    /// Sets `retired_into` and writes ``Schema/Home/retiredInto`` into the stored body, so the
    /// home read back (``home(id:)``, its history, the table itself) says it was merged.
    public func retire(homeId: String, mergedInto survivor: String) throws(NormalizationError) -> Home? {
        try database.transaction { () throws(NormalizationError) -> Home? in
            guard let row = try database.query("SELECT version, body, retired_into FROM homes WHERE id = ?", [.text(homeId)]).first
            else { return nil }
            guard row[2] != .text(survivor) else { return try Self.home(row[1], version: row[0]) }
            let version = (row[0].integer ?? 0) + 1
            var home = try Self.home(row[1])
            home.retiredInto = survivor
            let body = try Self.body(of: home)
            try database.query(
                "UPDATE homes SET version = ?, body = ?, retired_into = ? WHERE id = ?",
                [.integer(version), .text(body), .text(survivor), .text(homeId)])
            try recordHistory(homeId: homeId, version: version, body: body, changed: ["retiredInto:\(survivor)"])
            return home.numbered(version)
        }
    }

    /// Writes `retiredInto` into the bodies of homes retired before ``retire(homeId:mergedInto:)``
    /// did (their body did not say so; only the `retired_into` column did).
    private func markRetiredBodies() throws(NormalizationError) {
        try database.transaction { () throws(NormalizationError) in
            let rows = try database.query(
                "SELECT id, body, retired_into FROM homes WHERE retired_into IS NOT NULL AND json_extract(body, '$.retiredInto') IS NULL")
            for row in rows {
                guard let id = row[0].text, let survivor = row[2].text else { continue }
                var home = try Self.home(row[1])
                home.retiredInto = survivor
                try database.query("UPDATE homes SET body = ? WHERE id = ?", [.text(try Self.body(of: home)), .text(id)])
            }
        }
    }

    // MARK: ResolutionStore

    @discardableResult
    public func save(_ prepared: PreparedRecord) throws(NormalizationError) -> StoredRecord? {
        let key = prepared.record.key
        let previous = try database.transaction { () throws(NormalizationError) -> StoredRecord? in
            let previous = try cluster(ofRecord: key).flatMap { cluster throws(NormalizationError) -> StoredRecord? in
                guard let stored = try record(key: key) else { return nil }
                return StoredRecord(record: stored, cluster: cluster, departures: try departures(ofRecord: key))
            }
            try database.query(
                "INSERT INTO records (key, body) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body",
                [.text(key), .text(prepared.json)]
            )
            try database.query("DELETE FROM record_blocks WHERE record_key = ?", [.text(key)])
            try insertBlocks(prepared.blockingKeys, of: key)
            return previous
        }
        recordCache.keep(prepared.record)
        return previous
    }

    private func insertBlocks(_ blocks: [String], of recordKey: String) throws(NormalizationError) {
        for block in Set(blocks).sorted() {
            try database.query("INSERT INTO record_blocks (block, record_key) VALUES (?, ?)", [.text(block), .text(recordKey)])
        }
    }

    public func record(key: String) throws(NormalizationError) -> MappedRecord? {
        try validateRecords()
        return try storedRecord(key: key)
    }

    public func records(inBlocks keys: [String]) throws(NormalizationError) -> [MappedRecord] {
        guard !keys.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        return try records(
            keysFrom: "SELECT DISTINCT record_key FROM record_blocks WHERE block IN (\(placeholders)) ORDER BY record_key",
            keys.map { .text($0) })
    }

    public func cluster(ofRecord key: String) throws(NormalizationError) -> String? {
        try database.query("SELECT cluster FROM records WHERE key = ?", [.text(key)]).first?[0].text
    }

    public func records(inCluster id: String) throws(NormalizationError) -> [MappedRecord] {
        try records(keysFrom: "SELECT key FROM records WHERE cluster = ? ORDER BY key", [.text(id)])
    }

    /// The records whose keys `sql` selects, in its order: kept ones from memory, the others
    /// decoded (and kept).
    private func records(keysFrom sql: String, _ bindings: [SQLiteValue]) throws(NormalizationError) -> [MappedRecord] {
        try validateRecords()
        var found: [MappedRecord] = []
        for row in try database.query(sql, bindings) {
            if let key = row[0].text, let record = try storedRecord(key: key) { found.append(record) }
        }
        return found
    }

    /// A record from memory, else decoded from its row (and kept).
    private func storedRecord(key: String) throws(NormalizationError) -> MappedRecord? {
        if let kept = recordCache.record(key) { return kept }
        guard let row = try database.query("SELECT body FROM records WHERE key = ?", [.text(key)]).first else { return nil }
        let record = try Self.decode(MappedRecord.self, row[0])
        recordCache.keep(record)
        return record
    }

    /// Forgets the kept records if another connection has written the file since they were kept.
    private func validateRecords() throws(NormalizationError) {
        guard recordCache.limit > 0, let version = try database.query("PRAGMA data_version").first?[0].integer else { return }
        recordCache.validate(dataVersion: version)
    }

    /// Rows already in the cluster are left alone: a record's row holds its body too, and
    /// rewriting it unchanged would write its pages again at the commit.
    public func assign(recordKeys: [String], toCluster id: String) throws(NormalizationError) {
        try database.transaction { () throws(NormalizationError) in
            for key in recordKeys {
                try database.query("UPDATE records SET cluster = ?1 WHERE key = ?2 AND cluster IS NOT ?1", [.text(id), .text(key)])
            }
        }
    }

    public func reviewTask(id: String) throws(NormalizationError) -> ReviewTask? {
        try database.query("SELECT body FROM review_tasks WHERE task_id = ?", [.text(id)]).first.map { row throws(NormalizationError) in
            try Self.decode(ReviewTask.self, row[0])
        }
    }

    public func save(reviewTask: ReviewTask) throws(NormalizationError) {
        try database.query(
            "INSERT INTO review_tasks (task_id, body) VALUES (?, ?) ON CONFLICT (task_id) DO UPDATE SET body = excluded.body",
            [.text(reviewTask.taskId), .text(try Self.json(reviewTask))]
        )
    }

    /// The clusters are kept as one comma-separated text (home ids hold no comma).
    public func noteDeparture(ofRecord key: String, leftClusters clusters: [String]) throws(NormalizationError) {
        try database.query(
            "INSERT INTO record_departures (record_key, clusters) VALUES (?, ?) ON CONFLICT (record_key) DO UPDATE SET clusters = excluded.clusters",
            [.text(key), .text(clusters.joined(separator: ","))])
    }

    /// The clusters the record with `key` last left, as noted.
    private func departures(ofRecord key: String) throws(NormalizationError) -> [String] {
        let clusters = try database.query("SELECT clusters FROM record_departures WHERE record_key = ?", [.text(key)]).first?[0].text
        return clusters.map { $0.split(separator: ",").map(String.init) } ?? []
    }

    // MARK: Encoding

    private func recordHistory(homeId: String, version: Int64, body: String, changed: [String]) throws(NormalizationError) {
        try database.query(
            "INSERT INTO home_history (home_id, version, body, changed_fields, recorded_at) VALUES (?, ?, ?, ?, ?)",
            [
                .text(homeId), .integer(version), .text(body), .text(changed.joined(separator: ",")),
                .text(String(clock().timeIntervalSince1970)),
            ]
        )
    }

    private static func json(_ value: some Encodable) throws(NormalizationError) -> String {
        do {
            return try SchemaJSONEncoder().encodeText(value)
        } catch {
            throw NormalizationError(.storageFailed, reason: "cannot encode \(type(of: value)): \(error)")
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ column: SQLiteValue) throws(NormalizationError) -> Value {
        do {
            return try SchemaJSON.decode(type, from: Data((column.text ?? "").utf8))
        } catch {
            throw NormalizationError(.storageFailed, reason: "a stored \(type) is unreadable: \(error)")
        }
    }

    /// The stored JSON of a home: `Home.withoutVersion`.
    private static func body(of home: Home) throws(NormalizationError) -> String {
        try json(home.withoutVersion)
    }

    /// The home of a stored JSON `column`, with the version `version` when given.
    private static func home(_ column: SQLiteValue, version: SQLiteValue = .null) throws(NormalizationError) -> Home {
        try decode(Home.self, column).numbered(version.integer)
    }

    /// The top-level JSON keys whose values differ between two bodies of a home, ignoring
    /// `normalizedAt`: none when an upsert changes nothing.
    private static func changedFields(from old: String, to new: String) -> [String] {
        StoredJSONMembers.changedKeys(from: old, to: new, ignoring: "normalizedAt")
    }
}
