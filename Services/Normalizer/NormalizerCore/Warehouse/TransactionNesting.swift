/// How one database connection nests its transactions (SQLite's and PostgreSQL's alike): a
/// call inside an open transaction joins it instead of opening a savepoint, and a joined call
/// that throws dooms the whole transaction: the outermost call rolls back and throws even if
/// the error was caught in between, so a half-applied part never commits.
///
/// A savepoint per call cost SQLite a journal of its own for every page the call changed, and
/// PostgreSQL two more round trips per call. Not thread-safe: its owner calls it under the
/// connection's lock.
package final class TransactionNesting {
    private var depth = 0
    /// The first error of a joined call, which dooms the open transaction.
    private var failedInside: NormalizationError?

    package init() {}

    /// Whether a transaction is open.
    package var isOpen: Bool { depth > 0 }

    /// Dooms the open transaction with `error` unless an earlier error did.
    package func doom(_ error: NormalizationError) {
        guard isOpen else { return }
        failedInside = failedInside ?? error
    }

    /// Runs `body` as part of the open transaction, or else in a new one: `begin`, `body`,
    /// `commit`; `rollback` when any of them throws or a joined part failed.
    package func run<Value>(
        begin: () throws(NormalizationError) -> Void, commit: () throws(NormalizationError) -> Void, rollback: () -> Void,
        _ body: () throws(NormalizationError) -> Value
    ) throws(NormalizationError) -> Value {
        guard depth == 0 else { return try joined(body) }
        // Begun before the transaction counts as open: SQLite's BEGIN must not find an open
        // transaction that SQLite does not know of (see SQLiteDatabase's check).
        do throws(NormalizationError) {
            try begin()
        } catch {
            rollback()
            throw error
        }
        depth = 1
        failedInside = nil
        defer { depth = 0 }
        do throws(NormalizationError) {
            let value = try body()
            if let failedInside {
                throw NormalizationError(
                    failedInside.code, reason: "a part of the transaction failed: \(failedInside.reason)", input: failedInside.input)
            }
            try commit()
            return value
        } catch {
            rollback()
            throw error
        }
    }

    private func joined<Value>(_ body: () throws(NormalizationError) -> Value) throws(NormalizationError) -> Value {
        depth += 1
        defer { depth -= 1 }
        do {
            return try body()
        } catch {
            doom(error)
            throw error
        }
    }
}
