import Foundation
import NormalizerCore
import Schema
import Testing

@Suite("SQLite warehouse")
struct SQLiteWarehouseTests {
    private static let springfieldHome = Home(
        id: "home-1", region: "US", address: Address(city: "Springfield", country: "US"), rooms: 3, normalizedAt: SeedScenario.now)

    @Test("replaying the same raw records changes nothing")
    func replayIsIdempotent() async throws {
        let store = try SQLiteWarehouse(path: ":memory:")
        let normalizer = try await SeedScenario.normalizer(store: store)
        _ = try normalizer.normalize(SeedScenario.flat)
        let first = try #require(try normalizer.normalize(SeedScenario.nested).homes.first)
        let homes = try store.homes()
        let history = try store.history(ofHome: first.id)
        _ = try normalizer.normalize(SeedScenario.flat)
        let replayed = try #require(try normalizer.normalize(SeedScenario.nested).homes.first)
        #expect(replayed == first)
        #expect(try store.homes() == homes)
        #expect(try store.history(ofHome: first.id) == history)
        #expect(!history.isEmpty)
    }

    @Test("keeps the history of a home's changes")
    func history() throws {
        let store = try SQLiteWarehouse(path: ":memory:")
        var home = Self.springfieldHome
        #expect(try store.upsert(home) == .inserted)
        home.normalizedAt = SeedScenario.now.addingTimeInterval(60)
        #expect(try store.upsert(home) == .unchanged)
        home.rooms = 4
        #expect(try store.upsert(home) == .updated)
        let history = try store.history(ofHome: "home-1")
        #expect(!history.isEmpty)
        #expect(history[0].home.rooms == 3)
        #expect(history[1].changedFields == ["rooms"])
        try store.retire(homeId: "home-1", mergedInto: "home-2")
        #expect(try store.homes().isEmpty)
        #expect(try store.history(ofHome: "home-1").last?.changedFields == ["retiredInto:home-2"])
    }

    @Test("a retired home reads back, by id and in its history, with the home it was merged into; an upsert revives it")
    func retiredHomeSaysSo() throws {
        let store = try SQLiteWarehouse(path: ":memory:")
        var home = Self.springfieldHome
        _ = try store.upsert(home)
        try store.retire(homeId: "home-1", mergedInto: "home-2")
        #expect(try store.home(id: "home-1")?.retiredInto == "home-2")
        #expect(try store.history(ofHome: "home-1").last?.home.retiredInto == "home-2")
        home.rooms = 4
        #expect(try store.upsert(home) == .updated)
        #expect(try store.home(id: "home-1")?.retiredInto == nil)
        #expect(try store.homes().map(\.id) == ["home-1"])
    }

    @Test("names a changed nested value by its top-level field, and only the fields that changed")
    func changedFieldsOfNestedValues() throws {
        let store = try SQLiteWarehouse(path: ":memory:")
        var home = Self.springfieldHome
        #expect(try store.upsert(home) == .inserted)
        home.address.postalCode = "62704"
        home.extra["pool"] = "yes \"heated\", {indoor}"
        home.normalizedAt = SeedScenario.now.addingTimeInterval(60)
        #expect(try store.upsert(home) == .updated)
        #expect(try store.history(ofHome: "home-1").last?.changedFields == ["address", "extra"])
        home.normalizedAt = SeedScenario.now.addingTimeInterval(120)
        #expect(try store.upsert(home) == .unchanged)
    }

    @Test("a transaction holds the shared file's write lock from its start, and another connection waits for its busy timeout")
    func transactionLocksSharedFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("warehouse-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        }
        let holder = try SQLiteWarehouse(path: file.path)
        let waiter = try SQLiteWarehouse(path: file.path, busyTimeout: .milliseconds(100))
        let home = Home(id: "home-1", region: "US", address: Address(city: "Springfield", country: "US"), normalizedAt: SeedScenario.now)
        try holder.transaction { () throws(NormalizationError) in
            // Only a read so far: a deferred transaction would not hold the lock yet.
            #expect(try holder.homes().isEmpty)
            let start = ContinuousClock.now
            #expect(throws: NormalizationError.self) { try waiter.upsert(home) }
            #expect(ContinuousClock.now - start >= .milliseconds(100))
            // Readers never wait (WAL).
            #expect(try waiter.homes().isEmpty)
        }
        #expect(try waiter.upsert(home) == .inserted)
        #expect(try holder.homes().map(\.id) == ["home-1"])
    }
}
