import Foundation
import Testing

@testable import NormalizerCore

@Suite("SQLite transactions: nested calls join the open one")
struct SQLiteDatabaseTests {
    private static func database() throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: ":memory:", busyTimeout: .zero)
        try database.execute("CREATE TABLE rows (value TEXT NOT NULL)")
        return database
    }

    private static func values(_ database: SQLiteDatabase) throws -> [String] {
        try database.query("SELECT value FROM rows ORDER BY value").compactMap { $0[0].text }
    }

    private static func insert(_ value: String, into database: SQLiteDatabase) throws(NormalizationError) {
        try database.query("INSERT INTO rows (value) VALUES (?)", [.text(value)])
    }

    @Test("nested calls commit with the outermost one, and roll back with it")
    func nestedCommitAndRollBackTogether() throws {
        let database = try Self.database()
        try database.transaction { () throws(NormalizationError) in
            try Self.insert("a", into: database)
            try database.transaction { () throws(NormalizationError) in try Self.insert("b", into: database) }
        }
        #expect(try Self.values(database) == ["a", "b"])

        #expect(throws: NormalizationError.self) {
            try database.transaction { () throws(NormalizationError) in
                try database.transaction { () throws(NormalizationError) in try Self.insert("c", into: database) }
                throw NormalizationError(.storageFailed, reason: "the outer body failed")
            }
        }
        #expect(try Self.values(database) == ["a", "b"], "the nested call's write went with the outer rollback")
    }

    @Test("a nested call that throws dooms the transaction even when its error is caught")
    func caughtNestedFailureStillRollsBack() throws {
        let database = try Self.database()
        let error = #expect(throws: NormalizationError.self) {
            try database.transaction { () throws(NormalizationError) in
                try Self.insert("before", into: database)
                do {
                    try database.transaction { () throws(NormalizationError) in
                        try Self.insert("half", into: database)
                        throw NormalizationError(.storageFailed, reason: "the second statement failed")
                    }
                } catch {
                    // Swallowed: the half-applied part must still not commit.
                }
                try Self.insert("after", into: database)
            }
        }
        #expect(error?.code == .storageFailed)
        #expect(error?.reason.contains("the second statement failed") == true)
        #expect(try Self.values(database).isEmpty)

        // The next transaction starts clean.
        try database.transaction { () throws(NormalizationError) in try Self.insert("next", into: database) }
        #expect(try Self.values(database) == ["next"])
    }

    @Test("after SQLite rolled the transaction back by itself, a caller that caught the failure cannot write outside it")
    func writesAfterSQLitesOwnRollbackAreRefused() throws {
        let database = try Self.database()
        var refused: Result<Void, NormalizationError>?
        let error = #expect(throws: NormalizationError.self) {
            try database.transaction { () throws(NormalizationError) in
                try Self.insert("before", into: database)
                // What SQLite does by itself after a full disk or an I/O error.
                try database.execute("ROLLBACK")
                refused = Result { () throws(NormalizationError) in try Self.insert("after", into: database) }
            }
        }
        guard case .failure(let refusal) = refused else {
            Issue.record("the write after the rollback was not refused: \(String(describing: refused))")
            return
        }
        #expect(refusal.reason.contains("rolled the transaction back"))
        #expect(error?.reason.contains("rolled the transaction back") == true, "\(String(describing: error))")
        #expect(try Self.values(database).isEmpty, "nothing was written in autocommit mode")
    }
}
