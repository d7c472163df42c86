import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("Retired homes of a warehouse written before their bodies said so")
struct RetiredBodyUpgradeTests {
    @Test("a home retired only in the retired_into column reads back with retiredInto once the warehouse reopens")
    func marksRetiredBodies() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("retired-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: file) }
        let home = Home(id: "home-1", region: "US", address: Address(city: "Springfield", country: "US"), normalizedAt: SeedScenario.now)
        let body = String(decoding: try SchemaJSON.makeEncoder().encode(home), as: UTF8.self)
        do {
            let warehouse = try SQLiteWarehouse(path: file.path)
            _ = try warehouse.upsert(home)
        }
        // What `retire` wrote before: the column set, the body as it was.
        try SQLiteDatabase(path: file.path, busyTimeout: .zero).query(
            "UPDATE homes SET retired_into = 'home-2', body = ? WHERE id = 'home-1'", [.text(body)])
        let reopened = try SQLiteWarehouse(path: file.path)
        #expect(try reopened.home(id: "home-1")?.retiredInto == "home-2")
        #expect(try reopened.homes().isEmpty)
    }
}
