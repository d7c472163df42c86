import Foundation
import Logging
import NIOCore
import NIOPosix
import NormalizerCore
import PostgresNIO
import Synchronization

/// One connection to a PostgreSQL database, used synchronously: each call sends its query on
/// the connection's event loop and blocks the calling thread until the answer is there.
///
/// Call it only from threads that may block (the normalizer's ``Pipeline/BlockingExecutor``
/// threads, tests), never from an event loop. One recursive lock serializes the calls, so
/// tasks can share the session and a transaction's body can call back into it.
final class PostgresSession: @unchecked Sendable {
    private let connection: PostgresConnection
    private let location: PostgresLocation
    private let logger: Logger
    private let lock = NSRecursiveLock()
    private let nesting = TransactionNesting()
    private static let connectionCount = Atomic<Int>(0)

    /// Connects to `location`; a statement waits at most `lockTimeout` for a lock another
    /// connection holds (at least 1 ms: PostgreSQL's zero would wait forever), and large values
    /// are compressed with `compression` (`nil`: the server's default).
    /// - Throws: ``NormalizationError/Code/storageFailed`` naming the server, or the setting
    ///   when the server lacks the compression.
    init(
        location: PostgresLocation, lockTimeout: Duration, compression: PostgresCompression? = nil, logger: Logger
    ) throws(NormalizationError) {
        self.location = location
        self.logger = logger
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: location.configuration,
                id: Self.connectionCount.add(1, ordering: .relaxed).newValue, logger: logger
            ).wait()
        } catch {
            throw NormalizationError(.storageFailed, reason: "cannot connect: \(Self.reason(error))", input: location.description)
        }
        let milliseconds = max(Int64((lockTimeout / .milliseconds(1)).rounded(.up)), 1)
        try query(PostgresQuery(unsafeSQL: "SET lock_timeout = \(milliseconds)"))
        guard let compression else { return }
        do {
            try query(PostgresQuery(unsafeSQL: "SET default_toast_compression = '\(compression.rawValue)'"))
        } catch {
            throw NormalizationError(
                .invalidConfiguration, reason: "the server cannot compress with \(compression.rawValue) (\(error.reason)); use pglz",
                input: "normalizer.warehousePostgresCompression")
        }
    }

    deinit {
        // postgres-nio requires a connection closed before it goes: it lives until then.
        let connection = connection
        let closed: EventLoopFuture<Void> = connection.close()
        closed.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs one statement and returns its rows.
    /// - Throws: ``NormalizationError/Code/storageFailed`` with the server's message and the SQL.
    @discardableResult
    func query(_ query: PostgresQuery) throws(NormalizationError) -> PostgresQueryResult {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            // PostgreSQL refuses every later statement of the transaction, and answers its
            // COMMIT with a rollback: the transaction must fail even if the caller went on.
            let failure = failure(error, query.sql)
            nesting.doom(failure)
            throw failure
        }
    }

    /// Runs one statement and reads each row with `read`.
    func rows<Row>(_ query: PostgresQuery, _ read: (PostgresRow) throws -> Row) throws(NormalizationError) -> [Row] {
        let result = try self.query(query)
        do {
            return try result.map(read)
        } catch {
            throw failure(error, query.sql)
        }
    }

    /// Runs `body` in a transaction that runs `begin` first: committed if it returns, rolled
    /// back if it throws. A call inside an open transaction joins it (``TransactionNesting``):
    /// a savepoint would cost two more round trips per call, a tenth of a batch's time
    /// (PostgreSQL itself refuses every statement after a failed one).
    func transaction<Value>(
        begin: () throws(NormalizationError) -> Void, _ body: () throws(NormalizationError) -> Value
    ) throws(NormalizationError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try nesting.run(
            begin: { () throws(NormalizationError) in
                try query("BEGIN")
                try begin()
            },
            commit: { () throws(NormalizationError) in try query("COMMIT") },
            rollback: { _ = try? query("ROLLBACK") }, body)
    }

    /// Runs `body` holding the session, so no other thread's statements come between its
    /// statements and what it does with their answers.
    func exclusively<Value>(_ body: () throws(NormalizationError) -> Value) throws(NormalizationError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Whether a transaction is open (waits while another thread's is).
    var isInTransaction: Bool {
        lock.lock()
        defer { lock.unlock() }
        return nesting.isOpen
    }

    private func failure(_ error: any Error, _ sql: String) -> NormalizationError {
        NormalizationError(.storageFailed, reason: Self.reason(error), input: "\(location): \(sql)")
    }

    /// What went wrong, in words: the server's message for a failed statement (postgres-nio's
    /// own description hides it).
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
