import Foundation
import Logging
import NormalizerCore
import PostgresNIO
import Schema
import Synchronization

/// The ``NormalizerCore/NormalizerStore`` in a PostgreSQL database: the same tables and
/// behaviour as ``NormalizerCore/SQLiteWarehouse``, shared by normalizer instances on any
/// machine.
///
/// Homes and history rows hold the ``Schema/SchemaJSON`` of the home as `jsonb`, so an upsert
/// compares the stored home with the new one, `normalizedAt` left out, in the database, and
/// names the changed top-level fields from the same comparison. Mapped records and review
/// tasks are kept as the JSON text they were written as.
///
/// Instances write regions side by side. A transaction confined to one region
/// (``transaction(inRegion:_:)``, a batch's records of one country) takes the warehouse's
/// writer lock shared and its region's lock exclusively, and bumps the region's generation; a
/// transaction confined to none (``transaction(_:)``: a human decision, a record that moved
/// to another country, every write outside a batch) takes the writer lock exclusively and
/// bumps the warehouse's generation. So what a transaction read still holds when it commits,
/// and an instance keeps the mapped records it decoded, per region, for as long as nobody
/// else wrote that region (``RegionRecordCaches``). A confined transaction that meets a
/// record of another region (its stored version, a candidate, a cluster member) fails with
/// ``NormalizerCore/NormalizationError/Code/outsideRegion`` and rolls back, so nothing it did
/// on the strength of that record commits.
///
/// Instances of an earlier build (one writer lock, one generation) must not share the
/// database with these: stop them all before starting this build's.
public final class PostgresWarehouse: NormalizerStore {
    private let session: PostgresSession
    private let clock: @Sendable () -> Date
    private let caches: RegionRecordCaches
    /// What the open transaction is confined to; `nil` outside a transaction.
    private let scope = Mutex<Scope?>(nil)

    /// What a transaction may read and write.
    private enum Scope {
        /// One region's records, with the records this instance keeps of it.
        case region(String, MappedRecordCache)
        /// Anything: the writer lock is held exclusively; nothing is kept.
        case everything
    }

    /// The advisory lock every writing transaction holds, shared by the transactions confined
    /// to a region ("HomePric" in ASCII).
    static let writerLock: Int64 = 0x486F_6D65_5072_6963
    /// The first key of each region's advisory lock ("HP" and the year); the second is the
    /// hash of the region.
    static let regionLockClass: Int32 = 0x4850_2026

    /// Connects to the warehouse at `location`, creating its tables if needed.
    /// - Parameters:
    ///   - location: The database.
    ///   - busyTimeout: How long a transaction waits while another instance holds the writer
    ///     lock or its region's lock before it fails with ``NormalizationError/Code/storageFailed``
    ///     (`normalizer.warehouseBusyTimeoutMs`).
    ///   - recordCacheSize: How many mapped records are kept decoded in memory for entity
    ///     resolution (`normalizer.warehouseRecordCacheSize`).
    ///   - compression: How the homes and records stored are compressed
    ///     (`normalizer.warehousePostgresCompression`).
    ///   - logger: Where postgres-nio logs the connection.
    ///   - clock: The time stamped on history rows.
    /// - Throws: ``NormalizationError/Code/storageFailed`` naming the database;
    ///   ``NormalizationError/Code/invalidConfiguration`` when the server lacks `compression`.
    public init(
        location: PostgresLocation,
        busyTimeout: Duration,
        recordCacheSize: Int = 10_000,
        compression: PostgresCompression = .lz4,
        logger: Logger = Logger(label: "homeprice.warehouse.postgres"),
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws(NormalizationError) {
        session = try PostgresSession(location: location, lockTimeout: busyTimeout, compression: compression, logger: logger)
        self.clock = clock
        caches = RegionRecordCaches(limitPerRegion: recordCacheSize)
        try session.transaction(begin: takeWriterLock) { () throws(NormalizationError) in
            for statement in Self.schema {
                try session.query(PostgresQuery(unsafeSQL: statement))
            }
            try addRecordRegionsIfMissing()
            try session.query(
                """
                INSERT INTO warehouse_state (name, value) VALUES ('generation', 0), ('blockingKeysVersion', \(Int64(BlockingKeys.version)))
                ON CONFLICT (name) DO NOTHING
                """)
            try rebuildBlocksIfOutdated()
        }
    }

    /// The tables, created when missing. Text keys sort bytewise (`C`), as SQLite's do, so
    /// every listing comes in the same order from either warehouse.
    private static let schema = [
        """
        CREATE TABLE IF NOT EXISTS homes (
            id text COLLATE "C" PRIMARY KEY, version bigint NOT NULL, body jsonb NOT NULL, retired_into text)
        """,
        """
        CREATE TABLE IF NOT EXISTS home_history (
            home_id text COLLATE "C" NOT NULL, version bigint NOT NULL, body jsonb NOT NULL, changed_fields text NOT NULL,
            recorded_at double precision NOT NULL, PRIMARY KEY (home_id, version))
        """,
        "CREATE TABLE IF NOT EXISTS records (key text COLLATE \"C\" PRIMARY KEY, body text NOT NULL, cluster text, region text)",
        "CREATE INDEX IF NOT EXISTS homes_retired_into ON homes (retired_into)",
        "CREATE INDEX IF NOT EXISTS records_cluster ON records (cluster)",
        """
        CREATE TABLE IF NOT EXISTS record_blocks (
            block text COLLATE "C" NOT NULL, record_key text COLLATE "C" NOT NULL, PRIMARY KEY (block, record_key))
        """,
        "CREATE INDEX IF NOT EXISTS record_blocks_key ON record_blocks (record_key)",
        "CREATE TABLE IF NOT EXISTS review_tasks (task_id text COLLATE \"C\" PRIMARY KEY, body text NOT NULL)",
        "CREATE TABLE IF NOT EXISTS record_departures (record_key text COLLATE \"C\" PRIMARY KEY, clusters text[] NOT NULL)",
        // `generation`: bumped by every transaction not confined to a region; `generation:<region>`:
        // by every transaction of the region; `blockingKeysVersion`: the scheme the blocks were
        // written under.
        "CREATE TABLE IF NOT EXISTS warehouse_state (name text PRIMARY KEY, value bigint NOT NULL)",
    ]

    /// Adds the `region` column to a records table of an earlier build and fills it from each
    /// record's body: a record without one would pass any region's confinement.
    private func addRecordRegionsIfMissing() throws(NormalizationError) {
        let columns = try session.rows(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'records' AND column_name = 'region'"
        ) { try $0.decode(Int64.self) }
        guard columns.first == 0 else { return }
        try session.query("ALTER TABLE records ADD COLUMN region text")
        try session.query("UPDATE records SET region = body::jsonb ->> 'region'")
    }

    /// Rewrites every record's blocks when they were written under another
    /// ``NormalizerCore/BlockingKeys/version``, so records stored before keep being found.
    private func rebuildBlocksIfOutdated() throws(NormalizationError) {
        let version = Int64(BlockingKeys.version)
        let stored = try session.rows("SELECT value FROM warehouse_state WHERE name = 'blockingKeysVersion'") { try $0.decode(Int64.self) }
        guard stored.first != version else { return }
        try session.query("DELETE FROM record_blocks")
        for body in try session.rows("SELECT body FROM records", { try $0.decode(String.self) }) {
            let record = try Self.decode(MappedRecord.self, body)
            try insertBlocks(BlockingKeys.keys(of: record), of: record.key)
        }
        try session.query("UPDATE warehouse_state SET value = \(version) WHERE name = 'blockingKeysVersion'")
    }

    /// Waits for the writer lock, held exclusively until the transaction ends.
    private func takeWriterLock() throws(NormalizationError) {
        try session.query("SELECT pg_advisory_xact_lock(\(Self.writerLock))")
    }

    /// The start of a transaction confined to nothing: waits for the writer lock, bumps the
    /// warehouse's generation, and forgets every kept record (other instances may have written
    /// any region since).
    private func lockEverything() throws(NormalizationError) {
        try takeWriterLock()
        try session.query("UPDATE warehouse_state SET value = value + 1 WHERE name = 'generation'")
        caches.removeAll()
        scope.withLock { $0 = .everything }
    }

    /// The start of a transaction confined to `region`: waits for the writer lock (shared) and
    /// the region's lock, bumps the region's generation and takes up the records kept of it
    /// if nobody else wrote the region since.
    private func lock(region: String) throws(NormalizationError) {
        try session.query(
            """
            SELECT pg_advisory_xact_lock_shared(\(Self.writerLock)), pg_advisory_xact_lock(\(Self.regionLockClass), hashtext(\(region)))
            """)
        let name = "generation:" + region
        let row = try session.rows(
            """
            INSERT INTO warehouse_state (name, value) VALUES (\(name), 1)
            ON CONFLICT (name) DO UPDATE SET value = warehouse_state.value + 1
            RETURNING value, (SELECT value FROM warehouse_state WHERE name = 'generation')
            """
        ) { try $0.decode((Int64, Int64).self) }.first
        guard let (regionGeneration, generation) = row else {
            throw NormalizationError(.storageFailed, reason: "the region's generation was not written", input: region)
        }
        let cache = caches.enter(region: region, generation: generation, regionGeneration: regionGeneration)
        scope.withLock { $0 = .region(region, cache) }
    }

    /// Runs `body` in a transaction under the writer lock, held exclusively; a call inside an
    /// open transaction (each write method's own, and the normalizer's per record inside a
    /// batch's) joins it, whatever it is confined to.
    public func transaction<Value>(_ body: () throws(NormalizationError) -> Value) throws(NormalizationError) -> Value {
        try transaction(begin: lockEverything, body)
    }

    /// `true`: transactions of different regions run side by side.
    public var runsRegionsConcurrently: Bool { true }

    /// Runs `body` in a transaction confined to `region`; one inside an open transaction joins
    /// it (and its confinement).
    public func transaction<Value>(
        inRegion region: String, _ body: () throws(NormalizationError) -> Value
    ) throws(NormalizationError) -> Value {
        try transaction(begin: { () throws(NormalizationError) in try lock(region: region) }, body)
    }

    /// Runs `body` in a transaction that `begin` starts (when none is open). On a failure, the
    /// records kept since it began may be rolled back, so they are forgotten: the region's, in a
    /// transaction confined to one; every one, otherwise.
    private func transaction<Value>(
        begin: () throws(NormalizationError) -> Void, _ body: () throws(NormalizationError) -> Value
    ) throws(NormalizationError) -> Value {
        try session.exclusively { () throws(NormalizationError) -> Value in
            let outermost = !session.isInTransaction
            defer { if outermost { scope.withLock { $0 = nil } } }
            do throws(NormalizationError) {
                return try session.transaction(begin: begin, body)
            } catch {
                // Only the region's records were kept in a confined transaction.
                if outermost, let kept = keptRecords { kept.removeAll() } else { caches.removeAll() }
                throw error
            }
        }
    }

    /// The records kept of the open transaction's region; `nil` outside a transaction and in
    /// one confined to nothing.
    private var keptRecords: MappedRecordCache? {
        scope.withLock { scope in
            guard case .region(_, let cache) = scope else { return nil }
            return cache
        }
    }

    /// The region the open transaction is confined to; `nil` outside a transaction and in one
    /// confined to nothing.
    private var confinedRegion: String? {
        scope.withLock { scope in
            guard case .region(let confined, _) = scope else { return nil }
            return confined
        }
    }

    /// Throws ``NormalizationError/Code/outsideRegion`` when the open transaction is confined to
    /// another region than `region`, of the record with `key`.
    private func requireConfinement(allows region: String, ofRecord key: String) throws(NormalizationError) {
        guard let confined = confinedRegion, region != confined else { return }
        throw NormalizationError(
            .outsideRegion, reason: "the record is stored in region \(region); the transaction is confined to \(confined)", input: key)
    }

    // MARK: Warehouse

    /// One statement (one round trip): compares the stored home with the new one,
    /// `normalizedAt` left out, and unless they are equal (and the stored one is not retired)
    /// writes the next version and its history row, naming the top-level fields that differ.
    public func upsert(_ home: Home) throws(NormalizationError) -> UpsertOutcome {
        try transaction { () throws(NormalizationError) -> UpsertOutcome in
            let body = try Self.body(of: home)
            let recordedAt = clock().timeIntervalSince1970
            let row = try session.rows(
                """
                WITH new AS (SELECT \(body)::jsonb AS body),
                old AS (SELECT version, retired_into, body FROM homes WHERE id = \(home.id)),
                verdict AS (
                    SELECT old.retired_into IS NULL AND old.body - 'normalizedAt' = new.body - 'normalizedAt' AS same,
                        ARRAY(SELECT key FROM jsonb_each(old.body) AS o FULL JOIN jsonb_each(new.body) AS n USING (key)
                            WHERE key <> 'normalizedAt' AND o.value IS DISTINCT FROM n.value ORDER BY key COLLATE "C") AS changed
                    FROM old, new),
                stored AS (
                    INSERT INTO homes (id, version, body, retired_into)
                    SELECT \(home.id), COALESCE((SELECT version FROM old), 0) + 1, new.body, NULL FROM new
                    WHERE NOT COALESCE((SELECT same FROM verdict), false)
                    ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body, retired_into = NULL
                    RETURNING version),
                history AS (
                    INSERT INTO home_history (home_id, version, body, changed_fields, recorded_at)
                    SELECT \(home.id), stored.version, new.body,
                        COALESCE((SELECT array_to_string(changed, ',') FROM verdict), '*'), \(recordedAt)
                    FROM stored, new)
                SELECT (SELECT version FROM old), (SELECT version FROM stored)
                """
            ) { try $0.decode((Int64?, Int64?).self) }.first
            switch (row?.0, row?.1) {
            case (let stored?, nil): return UpsertOutcome(.unchanged, version: Int(stored))
            case (nil, let version?): return UpsertOutcome(.inserted, version: Int(version))
            case (_?, let version?): return UpsertOutcome(.updated, version: Int(version))
            default:
                throw NormalizationError(.storageFailed, reason: "the upsert returned no version", input: home.id)
            }
        }
    }

    public func home(id: String) throws(NormalizationError) -> Home? {
        try homes(selectedBy: "SELECT version, body::text FROM homes WHERE id = \(id)").first
    }

    public func homes() throws(NormalizationError) -> [Home] {
        try homes(selectedBy: "SELECT version, body::text FROM homes WHERE retired_into IS NULL ORDER BY id")
    }

    public func homes(retiredInto survivor: String) throws(NormalizationError) -> [Home] {
        try homes(selectedBy: "SELECT version, body::text FROM homes WHERE retired_into = \(survivor) ORDER BY id")
    }

    /// The homes of `query`, which selects a version and a body per row.
    private func homes(selectedBy query: PostgresQuery) throws(NormalizationError) -> [Home] {
        try session.rows(query) { try $0.decode((Int64, String).self) }.map { row throws(NormalizationError) in
            try Self.home(row.1, version: row.0)
        }
    }

    public func history(ofHome id: String) throws(NormalizationError) -> [HomeRevision] {
        let rows = try session.rows(
            "SELECT version, body::text, changed_fields, recorded_at FROM home_history WHERE home_id = \(id) ORDER BY version"
        ) { try $0.decode((Int64, String, String, Double).self) }
        return try rows.map { row throws(NormalizationError) in
            HomeRevision(
                version: Int(row.0),
                home: try Self.home(row.1, version: row.0),
                changedFields: row.2.split(separator: ",").map(String.init),
                recordedAt: Date(timeIntervalSince1970: row.3)
            )
        }
    }

    /// Sets `retired_into` and writes ``Schema/Home/retiredInto`` into the stored body, so the
    /// home read back (``home(id:)``, its history, the table itself) says it was merged.
    public func retire(homeId: String, mergedInto survivor: String) throws(NormalizationError) -> Home? {
        try transaction { () throws(NormalizationError) -> Home? in
            let rows = try session.rows("SELECT version, body::text, retired_into FROM homes WHERE id = \(homeId)") {
                try $0.decode((Int64, String, String?).self)
            }
            guard let row = rows.first else { return nil }
            guard row.2 != survivor else { return try Self.home(row.1, version: row.0) }
            var home = try Self.decode(Home.self, row.1)
            home.retiredInto = survivor
            let body = try Self.body(of: home)
            let version = row.0 + 1
            let changed = "retiredInto:\(survivor)"
            let recordedAt = clock().timeIntervalSince1970
            try session.query(
                """
                WITH retired AS (
                    UPDATE homes SET version = \(version), body = \(body)::jsonb, retired_into = \(survivor) WHERE id = \(homeId))
                INSERT INTO home_history (home_id, version, body, changed_fields, recorded_at)
                VALUES (\(homeId), \(version), \(body)::jsonb, \(changed), \(recordedAt))
                """)
            return home.numbered(version)
        }
    }

    // MARK: ResolutionStore

    /// In a transaction confined to a region, the record must be of that region and so must its
    /// stored version (a record that moved to another country is saved by a transaction
    /// confined to nothing).
    @discardableResult
    public func save(_ prepared: PreparedRecord) throws(NormalizationError) -> StoredRecord? {
        let record = prepared.record
        let body = prepared.json
        let blocks = prepared.blockingKeys
        return try transaction { () throws(NormalizationError) -> StoredRecord? in
            try requireConfinement(allows: record.region, ofRecord: record.key)
            let kept = keptRecords?.record(record.key)
            // One statement: the record, its blocks no longer held dropped, the new ones added;
            // it returns the record's cluster, which resolution asks for next, the version it
            // replaced (the statement's snapshot is taken before its writes) and the clusters the
            // record last left (its departures, noted by earlier statements). Confined to a
            // region, a stored version of another region is left alone and nothing comes back:
            // the condition sees the newest version, also one another instance's transaction
            // committed while this statement waited for it.
            let confined = confinedRegion
            let rows = try session.rows(
                """
                WITH saved AS (
                    INSERT INTO records (key, body, region) VALUES (\(record.key), \(body), \(record.region))
                    ON CONFLICT (key) DO UPDATE SET body = excluded.body, region = excluded.region
                    \(unescaped: confined != nil ? "WHERE records.region IS NOT DISTINCT FROM excluded.region" : "")
                    RETURNING cluster),
                dropped AS (DELETE FROM record_blocks WHERE record_key = \(record.key) AND NOT (block = ANY(\(blocks)::text[]))),
                added AS (
                    INSERT INTO record_blocks (block, record_key) SELECT unnest(\(blocks)::text[]), \(record.key) ON CONFLICT DO NOTHING)
                SELECT cluster, CASE WHEN \(kept == nil) THEN (SELECT body FROM records WHERE key = \(record.key)) END,
                    (SELECT clusters FROM record_departures WHERE record_key = \(record.key))
                FROM saved
                """
            ) { try $0.decode((String?, String?, [String]?).self) }
            guard let (cluster, replaced, departures) = rows.first else {
                throw NormalizationError(
                    .outsideRegion,
                    reason: "the record is stored in another region; the transaction is confined to \(confined ?? "")",
                    input: record.key)
            }
            // Kept while the session is held, so no other thread's write comes in between.
            keptRecords?.keep(record, inCluster: cluster)
            guard let cluster else { return nil }
            if let kept { return StoredRecord(record: kept, cluster: cluster, departures: departures ?? []) }
            return try replaced.map { body throws(NormalizationError) in
                StoredRecord(record: try Self.decode(MappedRecord.self, body), cluster: cluster, departures: departures ?? [])
            }
        }
    }

    private func insertBlocks(_ blocks: [String], of recordKey: String) throws(NormalizationError) {
        let unique = Set(blocks).sorted()
        guard !unique.isEmpty else { return }
        try session.query("INSERT INTO record_blocks (block, record_key) SELECT unnest(\(unique)::text[]), \(recordKey)")
    }

    public func record(key: String) throws(NormalizationError) -> MappedRecord? {
        try session.exclusively { () throws(NormalizationError) in
            try storedRecords(keys: [key]).first
        }
    }

    public func records(inBlocks keys: [String]) throws(NormalizationError) -> [MappedRecord] {
        guard !keys.isEmpty else { return [] }
        return try session.exclusively { () throws(NormalizationError) in
            let found = try session.rows(
                "SELECT DISTINCT record_key FROM record_blocks WHERE block = ANY(\(keys)) ORDER BY record_key"
            ) { try $0.decode(String.self) }
            return try storedRecords(keys: found)
        }
    }

    public func cluster(ofRecord key: String) throws(NormalizationError) -> String? {
        try session.exclusively { () throws(NormalizationError) -> String? in
            let kept = keptRecords
            if let known = kept?.cluster(ofRecord: key) { return known }
            let cluster = try session.rows("SELECT cluster FROM records WHERE key = \(key)") { try $0.decode(String?.self) }.first ?? nil
            kept?.keep(cluster: cluster, ofRecords: [key])
            return cluster
        }
    }

    /// From memory when the cluster was read whole before in the region's transactions (its
    /// members kept as this instance's assignments moved records).
    public func records(inCluster id: String) throws(NormalizationError) -> [MappedRecord] {
        try session.exclusively { () throws(NormalizationError) in
            let kept = keptRecords
            if let keys = kept?.members(ofCluster: id) { return try storedRecords(keys: keys) }
            let found = try session.rows("SELECT key FROM records WHERE cluster = \(id) ORDER BY key") { try $0.decode(String.self) }
            let records = try storedRecords(keys: found)
            kept?.keep(members: found, ofCluster: id)
            return records
        }
    }

    /// The records with `keys` that are stored, in the order of `keys`: those kept of the
    /// transaction's region from memory, the others read in one query and decoded (and kept,
    /// in a transaction confined to a region). Call it holding the session
    /// (``PostgresSession/exclusively(_:)``), so what it keeps is what the store held.
    /// - Throws: ``NormalizationError/Code/outsideRegion`` for a record of another region than
    ///   the transaction's.
    private func storedRecords(keys: [String]) throws(NormalizationError) -> [MappedRecord] {
        let kept = keptRecords
        var found: [String: MappedRecord] = [:]
        var missing: [String] = []
        for key in keys {
            if let record = kept?.record(key) { found[key] = record } else { missing.append(key) }
        }
        if !missing.isEmpty {
            let rows = try session.rows("SELECT body, cluster FROM records WHERE key = ANY(\(missing))") {
                try $0.decode((String, String?).self)
            }
            for (body, cluster) in rows {
                let record = try Self.decode(MappedRecord.self, body)
                try requireConfinement(allows: record.region, ofRecord: record.key)
                kept?.keep(record, inCluster: cluster)
                found[record.key] = record
            }
        }
        return keys.compactMap { found[$0] }
    }

    public func assign(recordKeys: [String], toCluster id: String) throws(NormalizationError) {
        try transaction { () throws(NormalizationError) -> Void in
            // Rows already in the cluster are left alone (an unchanged update still writes a
            // new row version).
            try session.query("UPDATE records SET cluster = \(id) WHERE key = ANY(\(recordKeys)) AND cluster IS DISTINCT FROM \(id)")
            keptRecords?.keep(cluster: id, ofRecords: recordKeys)
        }
    }

    /// From memory when read or written before in the region's transactions (a task is about
    /// two records of one region).
    public func reviewTask(id: String) throws(NormalizationError) -> ReviewTask? {
        try session.exclusively { () throws(NormalizationError) -> ReviewTask? in
            let kept = keptRecords
            if let known = kept?.reviewTask(id) { return known }
            let task = try session.rows("SELECT body FROM review_tasks WHERE task_id = \(id)") { try $0.decode(String.self) }.first.map {
                body throws(NormalizationError) in try Self.decode(ReviewTask.self, body)
            }
            kept?.keep(reviewTask: task, id: id)
            return task
        }
    }

    public func save(reviewTask: ReviewTask) throws(NormalizationError) {
        let body = try Self.json(reviewTask)
        try transaction { () throws(NormalizationError) -> Void in
            try session.query(
                """
                INSERT INTO review_tasks (task_id, body) VALUES (\(reviewTask.taskId), \(body))
                ON CONFLICT (task_id) DO UPDATE SET body = excluded.body
                """)
            // Kept as a read would find it (what the JSON holds), not as given.
            if let kept = keptRecords { kept.keep(reviewTask: try Self.decode(ReviewTask.self, body), id: reviewTask.taskId) }
        }
    }

    public func noteDeparture(ofRecord key: String, leftClusters clusters: [String]) throws(NormalizationError) {
        try transaction { () throws(NormalizationError) -> Void in
            try session.query(
                """
                INSERT INTO record_departures (record_key, clusters) VALUES (\(key), \(clusters))
                ON CONFLICT (record_key) DO UPDATE SET clusters = excluded.clusters
                """)
        }
    }

    // MARK: Encoding

    /// The stored JSON of a home: `Home.withoutVersion`.
    private static func body(of home: Home) throws(NormalizationError) -> String {
        try json(home.withoutVersion)
    }

    /// The home of a stored JSON `body`, with the version `version`.
    private static func home(_ body: String, version: Int64) throws(NormalizationError) -> Home {
        try decode(Home.self, body).numbered(version)
    }

    private static func json(_ value: some Encodable) throws(NormalizationError) -> String {
        do {
            return try SchemaJSONEncoder().encodeText(value)
        } catch {
            throw NormalizationError(.storageFailed, reason: "cannot encode \(type(of: value)): \(error)")
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws(NormalizationError) -> Value {
        do {
            return try SchemaJSON.makeDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw NormalizationError(.storageFailed, reason: "a stored \(type) is unreadable: \(error)")
        }
    }
}
