import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("A warehouse file written with a content column beside each home's body")
struct ContentColumnUpgradeTests {
    @Test("the column is dropped on open; the home reads back, and the same home renormalized later is unchanged")
    func dropsContentColumn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        }
        let home = Home(
            id: "home-1", region: "US", address: Address(city: "Springfield", postalCode: "62704", country: "US"),
            price: Money(amount: 250_000, currency: "USD"), normalizedAt: SeedScenario.now)
        let body = String(decoding: try SchemaJSON.makeEncoder().encode(home), as: UTF8.self)
        // The homes table as files before kept it: `content` is the body without its stamp.
        let old = try SQLiteDatabase(path: file.path, busyTimeout: .zero)
        try old.execute(
            """
            CREATE TABLE homes (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, content TEXT NOT NULL,
                body TEXT NOT NULL, retired_into TEXT);
            """)
        try old.query(
            "INSERT INTO homes (id, version, content, body) VALUES ('home-1', 3, 'stale', ?)", [.text(body)])

        let warehouse = try SQLiteWarehouse(path: file.path)
        let columns = try old.query("SELECT name FROM pragma_table_info('homes') ORDER BY cid").compactMap { $0[0].text }
        #expect(columns == ["id", "version", "body", "retired_into"])
        #expect(try warehouse.home(id: "home-1")?.price?.amount == 250_000)
        #expect(try warehouse.home(id: "home-1")?.version == 3)

        var later = home
        later.normalizedAt = SeedScenario.now.addingTimeInterval(86_400)
        #expect(try warehouse.upsert(later) == UpsertOutcome(.unchanged, version: 3))
        var repriced = later
        repriced.price = Money(amount: 260_000, currency: "USD")
        #expect(try warehouse.upsert(repriced) == UpsertOutcome(.updated, version: 4))
        #expect(try warehouse.history(ofHome: "home-1").last?.changedFields == ["price"])
    }
}
