import Foundation
import Schema

/// The default ``NormalizerStore``: homes, their history and the resolution state in one
/// SQLite database file (or in memory, for dry runs and tests).
///
/// Homes and history rows hold the ``Schema/SchemaJSON`` text of the home; a home's `content`
/// column is that text with `normalizedAt` left out, which is what an upsert compares.
///
/// Several normalizer processes may share one file: it is kept in WAL mode (readers never wait
/// for the writer), and ``transaction(_:)`` takes the write lock when it begins, so one
/// process's read-resolve-write of a batch never interleaves with another's; the others wait
/// for up to the busy timeout.
public final class SQLiteWarehouse: NormalizerStore {
    private let database: SQLiteDatabase
    private let clock: @Sendable () -> Date

    /// Opens (creating if needed) the warehouse at `path`; `":memory:"` for a private one.
    /// - Parameters:
    ///   - path: The database file, or `":memory:"`.
    ///   - busyTimeout: How long a transaction or statement waits while another process holds
    ///     the file's write lock before it fails with ``NormalizationError/Code/storageFailed``;
    ///     the default, zero, suits a database no other process opens. A shared file needs
    ///     at least the time one batch's transaction takes (`normalizer.warehouseBusyTimeoutMs`).
    ///   - clock: The time stamped on history rows.
    /// - Throws: ``NormalizationError/Code/storageFailed``.
    public init(
        path: String,
        busyTimeout: Duration = .zero,
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws(NormalizationError) {
        if path != ":memory:" {
            try? FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
        }
        database = try SQLiteDatabase(path: path, busyTimeout: busyTimeout)
        self.clock = clock
        try database.execute(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS homes (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, content TEXT NOT NULL,
                body TEXT NOT NULL, retired_into TEXT);
            CREATE TABLE IF NOT EXISTS home_history (
                home_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
                changed_fields TEXT NOT NULL, recorded_at REAL NOT NULL, PRIMARY KEY (home_id, version));
            CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, body TEXT NOT NULL, cluster TEXT);
            CREATE INDEX IF NOT EXISTS records_cluster ON records (cluster);
            CREATE TABLE IF NOT EXISTS record_blocks (
                block TEXT NOT NULL, record_key TEXT NOT NULL, PRIMARY KEY (block, record_key));
            CREATE INDEX IF NOT EXISTS record_blocks_key ON record_blocks (record_key);
            CREATE TABLE IF NOT EXISTS review_tasks (task_id TEXT PRIMARY KEY, body TEXT NOT NULL);
            """
        )
        try rebuildBlocksIfOutdated()
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
        try database.transaction(body)
    }

    // MARK: Warehouse

    public func upsert(_ home: Home) throws(NormalizationError) -> UpsertOutcome {
        try database.transaction { () throws(NormalizationError) -> UpsertOutcome in
            let body = try Self.json(home)
            let content = try Self.content(of: home)
            let stored = try database.query("SELECT version, content, body, retired_into FROM homes WHERE id = ?", [.text(home.id)]).first
            if let stored, stored[1].text == content, stored[3] == .null {
                return .unchanged
            }
            let version = (stored?[0].integer ?? 0) + 1
            let changed =
                stored.map { row in
                    Self.changedFields(from: row[2].text ?? "{}", to: body)
                } ?? ["*"]
            try database.query(
                "INSERT INTO homes (id, version, content, body, retired_into) VALUES (?, ?, ?, ?, NULL) "
                    + "ON CONFLICT (id) DO UPDATE SET version = excluded.version, content = excluded.content, "
                    + "body = excluded.body, retired_into = NULL",
                [.text(home.id), .integer(version), .text(content), .text(body)]
            )
            try recordHistory(homeId: home.id, version: version, body: body, changed: changed)
            return stored == nil ? .inserted : .updated
        }
    }

    public func home(id: String) throws(NormalizationError) -> Home? {
        try database.query("SELECT body FROM homes WHERE id = ?", [.text(id)]).first.map { row throws(NormalizationError) in
            try Self.home(row[0])
        }
    }

    public func homes() throws(NormalizationError) -> [Home] {
        try database.query("SELECT body FROM homes WHERE retired_into IS NULL ORDER BY id").map { row throws(NormalizationError) in
            try Self.home(row[0])
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
                home: try Self.home(row[1]),
                changedFields: (row[2].text ?? "").split(separator: ",").map(String.init),
                recordedAt: Date(timeIntervalSince1970: Double(row[3].text ?? "") ?? 0)
            )
        }
    }

    public func retire(homeId: String, mergedInto survivor: String) throws(NormalizationError) {
        try database.transaction { () throws(NormalizationError) in
            guard let row = try database.query("SELECT version, body, retired_into FROM homes WHERE id = ?", [.text(homeId)]).first,
                row[2] != .text(survivor)
            else { return }
            let version = (row[0].integer ?? 0) + 1
            try database.query(
                "UPDATE homes SET version = ?, retired_into = ? WHERE id = ?", [.integer(version), .text(survivor), .text(homeId)])
            try recordHistory(homeId: homeId, version: version, body: row[1].text ?? "{}", changed: ["retiredInto:\(survivor)"])
        }
    }

    // MARK: ResolutionStore

    public func save(record: MappedRecord, blockingKeys: [String]) throws(NormalizationError) {
        try database.transaction { () throws(NormalizationError) in
            try database.query(
                "INSERT INTO records (key, body) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body",
                [.text(record.key), .text(try Self.json(record))]
            )
            try database.query("DELETE FROM record_blocks WHERE record_key = ?", [.text(record.key)])
            try insertBlocks(blockingKeys, of: record.key)
        }
    }

    private func insertBlocks(_ blocks: [String], of recordKey: String) throws(NormalizationError) {
        for block in Set(blocks).sorted() {
            try database.query("INSERT INTO record_blocks (block, record_key) VALUES (?, ?)", [.text(block), .text(recordKey)])
        }
    }

    public func record(key: String) throws(NormalizationError) -> MappedRecord? {
        try database.query("SELECT body FROM records WHERE key = ?", [.text(key)]).first.map { row throws(NormalizationError) in
            try Self.decode(MappedRecord.self, row[0])
        }
    }

    public func records(inBlocks keys: [String]) throws(NormalizationError) -> [MappedRecord] {
        guard !keys.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        let rows = try database.query(
            "SELECT DISTINCT r.body FROM records r JOIN record_blocks b ON b.record_key = r.key "
                + "WHERE b.block IN (\(placeholders)) ORDER BY r.key",
            keys.map { .text($0) }
        )
        return try rows.map { row throws(NormalizationError) in try Self.decode(MappedRecord.self, row[0]) }
    }

    public func cluster(ofRecord key: String) throws(NormalizationError) -> String? {
        try database.query("SELECT cluster FROM records WHERE key = ?", [.text(key)]).first?[0].text
    }

    public func records(inCluster id: String) throws(NormalizationError) -> [MappedRecord] {
        try database.query("SELECT body FROM records WHERE cluster = ? ORDER BY key", [.text(id)]).map { row throws(NormalizationError) in
            try Self.decode(MappedRecord.self, row[0])
        }
    }

    public func assign(recordKeys: [String], toCluster id: String) throws(NormalizationError) {
        try database.transaction { () throws(NormalizationError) in
            for key in recordKeys {
                try database.query("UPDATE records SET cluster = ? WHERE key = ?", [.text(id), .text(key)])
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
            return String(decoding: try SchemaJSON.makeEncoder().encode(value), as: UTF8.self)
        } catch {
            throw NormalizationError(.storageFailed, reason: "cannot encode \(type(of: value)): \(error)")
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ column: SQLiteValue) throws(NormalizationError) -> Value {
        do {
            return try SchemaJSON.makeDecoder().decode(type, from: Data((column.text ?? "").utf8))
        } catch {
            throw NormalizationError(.storageFailed, reason: "a stored \(type) is unreadable: \(error)")
        }
    }

    private static func home(_ column: SQLiteValue) throws(NormalizationError) -> Home {
        try decode(Home.self, column)
    }

    /// The home's JSON without `normalizedAt`.
    private static func content(of home: Home) throws(NormalizationError) -> String {
        var timeless = home
        timeless.normalizedAt = Date(timeIntervalSince1970: 0)
        return try json(timeless)
    }

    /// The top-level JSON keys whose values differ, ignoring `normalizedAt`.
    private static func changedFields(from old: String, to new: String) -> [String] {
        let before = (try? JSONSerialization.jsonObject(with: Data(old.utf8))) as? [String: Any] ?? [:]
        let after = (try? JSONSerialization.jsonObject(with: Data(new.utf8))) as? [String: Any] ?? [:]
        return Set(before.keys).union(after.keys).filter { key in
            key != "normalizedAt" && !NSDictionary(dictionary: [key: before[key] ?? NSNull()]).isEqual(to: [key: after[key] ?? NSNull()])
        }.sorted()
    }
}
