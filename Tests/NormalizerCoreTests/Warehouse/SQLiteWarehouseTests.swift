import Foundation
import NormalizerCore
import Schema
import Testing

@Suite("SQLite warehouse")
struct SQLiteWarehouseTests {
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
        var home = Home(
            id: "home-1", region: "US", address: Address(city: "Springfield", country: "US"), rooms: 3, normalizedAt: SeedScenario.now)
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
}
