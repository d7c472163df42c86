import CSQLite
import Foundation

/// A connection to a SQLite database file (or `:memory:`): with ``SQLiteCheckpointer``, the
/// only code that calls the C library.
///
/// Every call holds one recursive lock, so the connection can be shared between tasks and a
/// transaction's body can call back into the connection on the same thread. Several processes
/// may open the same file: a transaction starts with `BEGIN IMMEDIATE` (the write lock up
/// front, so its reads and writes are serialized with every other process's), and a call that
/// finds the file locked by another connection retries for up to the busy timeout.
final class SQLiteDatabase: @unchecked Sendable {
    private let handle: OpaquePointer
    private let path: String
    private let lock = NSRecursiveLock()
    private let nesting = TransactionNesting()
    /// Prepared statements by their SQL, reused: the warehouse runs the same few statements for
    /// every record, and preparing one costs more than running it.
    private var statements: [String: OpaquePointer] = [:]
    /// Checkpoints a file database's write-ahead log off the writer's commits.
    private let checkpointer: SQLiteCheckpointer?

    /// Opens (creating if needed) a database.
    /// - Parameters:
    ///   - path: The file, or `:memory:`.
    ///   - busyTimeout: How long a statement waits for another connection's lock before it
    ///     fails with `SQLITE_BUSY`; zero fails at once.
    ///   - checkpointLimitMiB: For a file in WAL mode: checkpoint the log in the background
    ///     (``SQLiteCheckpointer``), and in the commit that leaves more than this many MiB in
    ///     it; `nil` keeps SQLite's automatic checkpoint, in the commit past 1,000 pages.
    ///   - checkpointBackgroundMiB: With `checkpointLimitMiB`, the MiB a commit leaves in the
    ///     log before it asks for a background checkpoint.
    /// - Throws: ``NormalizationError/Code/storageFailed``.
    init(path: String, busyTimeout: Duration, checkpointLimitMiB: Int? = nil, checkpointBackgroundMiB: Int = 1) throws(NormalizationError) {
        let handle = try Self.connection(to: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
        self.handle = handle
        self.path = path
        let milliseconds = min(max(busyTimeout / .milliseconds(1), 0), Double(Int32.max))
        sqlite3_busy_timeout(handle, Int32(milliseconds.rounded()))
        guard let checkpointLimitMiB, path != ":memory:" else {
            checkpointer = nil
            return
        }
        // The file's page size (SQLite's default for a new file), read before this connection
        // is set up for ``query(_:_:)``.
        var pageSize: Int32 = 4096
        var statement: OpaquePointer?
        if sqlite3_prepare_v2(handle, "PRAGMA page_size", -1, &statement, nil) == SQLITE_OK, sqlite3_step(statement) == SQLITE_ROW {
            pageSize = max(sqlite3_column_int(statement, 0), 512)
        }
        sqlite3_finalize(statement)
        do {
            checkpointer = try SQLiteCheckpointer(
                path: path, backgroundPages: Int32(clamping: checkpointBackgroundMiB * 1_048_576 / Int(pageSize)),
                limitPages: Int32(clamping: checkpointLimitMiB * 1_048_576 / Int(pageSize)))
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
        checkpointer?.attach(to: handle)
    }

    deinit {
        for statement in statements.values {
            sqlite3_finalize(statement)
        }
        // The hook holds the checkpointer unretained.
        checkpointer?.detach(from: handle)
        sqlite3_close_v2(handle)
    }

    /// Opens a connection to `path` with `flags` (`SQLITE_OPEN_…`).
    /// - Throws: ``NormalizationError/Code/storageFailed`` with SQLite's reason.
    static func connection(to path: String, flags: Int32) throws(NormalizationError) -> OpaquePointer {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw NormalizationError(.storageFailed, reason: message, input: path)
        }
        return handle
    }

    /// Waits for the background checkpoints asked for so far (none without a checkpointer).
    func waitForCheckpoints() {
        checkpointer?.waitUntilIdle()
    }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(NormalizationError) {
        lock.lock()
        defer { lock.unlock() }
        try requireOpenTransaction()
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw failure(sql)
        }
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws(NormalizationError) -> [[SQLiteValue]] {
        lock.lock()
        defer { lock.unlock() }
        try requireOpenTransaction()
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in bindings.enumerated() {
            let position = Int32(index + 1)
            let status =
                switch value {
                case .null: sqlite3_bind_null(statement, position)
                case .integer(let integer): sqlite3_bind_int64(statement, position, integer)
                case .text(let text): sqlite3_bind_text(statement, position, text, -1, Self.transient)
                }
            guard status == SQLITE_OK else { throw failure(sql) }
        }
        var rows: [[SQLiteValue]] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW:
                rows.append((0..<sqlite3_column_count(statement)).map { column in Self.value(statement, column) })
            case SQLITE_DONE:
                return rows
            default:
                throw failure(sql)
            }
        }
    }

    /// Throws (and dooms the transaction) when a transaction was begun but SQLite has rolled it
    /// back by itself, as some failures (a full disk, an I/O error) make it: a caller that
    /// caught one must not go on writing outside any transaction, each statement committing.
    private func requireOpenTransaction() throws(NormalizationError) {
        guard nesting.isOpen, sqlite3_get_autocommit(handle) != 0 else { return }
        let error = NormalizationError(.storageFailed, reason: "SQLite rolled the transaction back after a failure", input: path)
        nesting.doom(error)
        throw error
    }

    /// The prepared statement of `sql`, prepared on first use.
    private func prepared(_ sql: String) throws(NormalizationError) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else {
            throw failure(sql)
        }
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws. A call
    /// inside an open transaction joins it (``TransactionNesting``): a savepoint would make
    /// SQLite copy every page it changes to a journal of its own (spilled to a temporary file
    /// past 64 KiB), which in a batch's transaction wrote more than the batch itself.
    func transaction<Value>(_ body: () throws(NormalizationError) -> Value) throws(NormalizationError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try nesting.run(
            begin: { () throws(NormalizationError) in
                // The previous commit's checkpoint, run meanwhile, ends first: the log then
                // starts over instead of growing.
                checkpointer?.waitUntilIdle()
                try query("BEGIN IMMEDIATE")
            },
            commit: { () throws(NormalizationError) in try query("COMMIT") },
            rollback: { try? execute("ROLLBACK") }, body)
    }

    private func failure(_ sql: String) -> NormalizationError {
        NormalizationError(.storageFailed, reason: String(cString: sqlite3_errmsg(handle)), input: "\(path): \(sql)")
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL:
            return .null
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        default:
            guard let text = sqlite3_column_text(statement, column) else { return .null }
            return .text(String(cString: text))
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy bound text before the call returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
