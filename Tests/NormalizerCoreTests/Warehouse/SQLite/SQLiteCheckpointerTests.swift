import Foundation
import Testing

@testable import NormalizerCore

@Suite("SQLite write-ahead log checkpointed off the commits")
struct SQLiteCheckpointerTests {
    /// A fresh WAL-mode database file in a folder of its own, removed afterwards.
    private static func withDatabase(
        checkpointLimitMiB: Int?, backgroundMiB: Int = 1, _ body: (SQLiteDatabase, URL) throws -> Void
    ) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkpointer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("warehouse.sqlite")
        let database = try SQLiteDatabase(
            path: file.path, busyTimeout: .seconds(5), checkpointLimitMiB: checkpointLimitMiB, checkpointBackgroundMiB: backgroundMiB)
        try database.execute("PRAGMA journal_mode = WAL")
        try database.execute("CREATE TABLE rows (value TEXT NOT NULL)")
        try body(database, file)
    }

    /// Commits one transaction of `rows` rows of about 1 KB each.
    private static func commit(rows: Int, to database: SQLiteDatabase) throws {
        try database.transaction { () throws(NormalizationError) in
            for row in 0..<rows {
                try database.query("INSERT INTO rows (value) VALUES (?)", [.text(String(repeating: "x", count: 1000) + "\(row)")])
            }
        }
    }

    private static func size(_ file: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
    }

    private static func log(of file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + "-wal")
    }

    @Test("a commit's pages reach the database file by the checkpointer, below the size SQLite would checkpoint at itself")
    func checkpointsInTheBackground() throws {
        // 2 MB of rows: past the checkpointer's 1 MiB, under SQLite's own threshold of 1,000
        // pages, so without a checkpointer they would stay in the log.
        try Self.withDatabase(checkpointLimitMiB: 64) { database, file in
            try Self.commit(rows: 2_000, to: database)
            database.waitForCheckpoints()
            #expect(Self.size(file) > 1_500_000)
        }
        try Self.withDatabase(checkpointLimitMiB: nil) { database, file in
            try Self.commit(rows: 2_000, to: database)
            #expect(Self.size(file) < 100_000, "SQLite's own checkpoint waits for 1,000 pages")
        }
    }

    @Test("small commits gather in the log before they are checkpointed, up to the background size configured")
    func smallCommitsWait() throws {
        try Self.withDatabase(checkpointLimitMiB: 64) { database, file in
            try Self.commit(rows: 100, to: database)
            database.waitForCheckpoints()
            #expect(Self.size(file) < 50_000)
            #expect(Self.size(Self.log(of: file)) > 100_000)
        }
        // 2 MB of rows, checkpointed at 1 MiB (above), stay in the log below 4 MiB.
        try Self.withDatabase(checkpointLimitMiB: 64, backgroundMiB: 4) { database, file in
            try Self.commit(rows: 2_000, to: database)
            database.waitForCheckpoints()
            #expect(Self.size(file) < 50_000)
            #expect(Self.size(Self.log(of: file)) > 1_500_000)
        }
    }

    @Test("the log starts over at each transaction instead of growing with every commit")
    func logStaysBounded() throws {
        try Self.withDatabase(checkpointLimitMiB: 64) { database, file in
            for _ in 0..<12 {
                try Self.commit(rows: 1_000, to: database)
            }
            database.waitForCheckpoints()
            #expect(Self.size(file) > 10_000_000)
            #expect(Self.size(Self.log(of: file)) < 3_000_000, "the log holds about one transaction, not twelve")
            #expect(try database.query("SELECT count(*) FROM rows").first?[0].integer == 12_000)
        }
    }

    @Test("a commit that leaves more than the limit in the log checkpoints it itself")
    func limitBoundsTheLog() throws {
        try Self.withDatabase(checkpointLimitMiB: 1) { database, file in
            // One transaction larger than the limit: its own commit copies it into the file
            // (and asks the checkpointer for nothing), so it is there when the commit returns.
            try Self.commit(rows: 3_000, to: database)
            #expect(Self.size(file) > 2_500_000)
        }
    }
}
