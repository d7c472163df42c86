import Foundation
import Schema
import TestSupport
import Testing

@testable import NormalizerCore

@Suite("Warehouse, in SQLite and in PostgreSQL", .postgresServer)
struct WarehouseTests {
    private static let springfieldHome = Home(
        id: "home-1", region: "US", address: Address(city: "Springfield", country: "US"), rooms: 3, normalizedAt: SeedScenario.now)

    @Test("replaying the same raw records changes nothing", arguments: StoreKind.allCases)
    func replayIsIdempotent(kind: StoreKind) async throws {
        try await SeedScenario.withNormalizer(on: kind) { normalizer in
            let store = normalizer.store
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
    }

    @Test(
        "assigning records to the cluster they are in keeps them there; another cluster moves only the records named",
        arguments: StoreKind.allCases)
    func assignToTheSameCluster(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            let first = try RecordMapper(descriptor: #require(SeedScenario.catalog()["us-agency-flat"])).map(SeedScenario.flat).get()
            var second = first
            second.recordId = "second"
            try store.transaction(inRegion: "US") { () throws(NormalizationError) in
                #expect(try store.save(try PreparedRecord(first)) == nil, "a new record replaces nothing")
                try store.save(try PreparedRecord(second))
                #expect(try store.save(try PreparedRecord(second)) == nil, "nor does one in no cluster yet")
                try store.assign(recordKeys: [first.key, second.key], toCluster: "home-1")
                try store.assign(recordKeys: [first.key, second.key], toCluster: "home-1")
                #expect(try store.records(inCluster: "home-1").map(\.key) == [first.key, second.key].sorted())
                try store.assign(recordKeys: [second.key], toCluster: "home-2")
                #expect(try store.cluster(ofRecord: first.key) == "home-1")
                #expect(try store.cluster(ofRecord: second.key) == "home-2")
            }
            // Read again without what the instance kept in memory.
            let reopened = try place.open()
            #expect(try reopened.cluster(ofRecord: first.key) == "home-1")
            #expect(try reopened.records(inCluster: "home-2").map(\.key) == [second.key])
            // Saving a record again returns the version it replaced, with its cluster (from the
            // row, then from memory).
            var changed = first
            changed.fetchedAt = first.fetchedAt.addingTimeInterval(60)
            try reopened.transaction(inRegion: "US") { () throws(NormalizationError) in
                #expect(try reopened.save(try PreparedRecord(changed)) == StoredRecord(record: first, cluster: "home-1"))
                #expect(try reopened.save(try PreparedRecord(first)) == StoredRecord(record: changed, cluster: "home-1"))
                // With the clusters it last left, the latest noted, in their order.
                try reopened.noteDeparture(ofRecord: first.key, leftClusters: ["home-3", "home-2"])
                try reopened.noteDeparture(ofRecord: first.key, leftClusters: ["home-4", "home-2"])
                #expect(
                    try reopened.save(try PreparedRecord(changed))
                        == StoredRecord(record: first, cluster: "home-1", departures: ["home-4", "home-2"]))
            }
            let again = try place.open()
            try again.transaction(inRegion: "US") { () throws(NormalizationError) in
                #expect(
                    try again.save(try PreparedRecord(first))
                        == StoredRecord(record: changed, cluster: "home-1", departures: ["home-4", "home-2"]))
                #expect(try again.save(try PreparedRecord(second)) == StoredRecord(record: second, cluster: "home-2"))
            }
        }
    }

    @Test("keeps the history of a home's changes", arguments: StoreKind.allCases)
    func history(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            var home = Self.springfieldHome
            #expect(try store.upsert(home).change == .inserted)
            home.normalizedAt = SeedScenario.now.addingTimeInterval(60)
            #expect(try store.upsert(home).change == .unchanged)
            home.rooms = 4
            #expect(try store.upsert(home).change == .updated)
            let history = try store.history(ofHome: "home-1")
            #expect(history.map(\.version) == [1, 2])
            #expect(history[0].home.rooms == 3)
            #expect(history[0].changedFields == ["*"])
            #expect(history[1].changedFields == ["rooms"])
            try store.retire(homeId: "home-1", mergedInto: "home-2")
            #expect(try store.homes().isEmpty)
            #expect(try store.history(ofHome: "home-1").last?.changedFields == ["retiredInto:home-2"])
        }
    }

    @Test(
        "a retired home reads back, by id, in its history and among its survivor's retired homes, with the home it was merged into; an upsert revives it",
        arguments: StoreKind.allCases)
    func retiredHomeSaysSo(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            var home = Self.springfieldHome
            _ = try store.upsert(home)
            try store.retire(homeId: "home-1", mergedInto: "home-2")
            #expect(try store.home(id: "home-1")?.retiredInto == "home-2")
            #expect(try store.history(ofHome: "home-1").last?.home.retiredInto == "home-2")
            #expect(try store.homes(retiredInto: "home-2").map { "\($0.id)>\($0.retiredInto ?? "")" } == ["home-1>home-2"])
            #expect(try store.homes(retiredInto: "home-1").isEmpty)
            home.rooms = 4
            #expect(try store.upsert(home).change == .updated)
            #expect(try store.home(id: "home-1")?.retiredInto == nil)
            #expect(try store.homes(retiredInto: "home-2").isEmpty)
            #expect(try store.homes().map(\.id) == ["home-1"])
        }
    }

    @Test(
        "numbers a home's versions: a change, a retirement and a return each take the next number, a replay none, and every home read back carries its number",
        arguments: StoreKind.allCases)
    func numbersVersions(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            var home = Self.springfieldHome
            home.version = 41
            #expect(try store.upsert(home) == UpsertOutcome(.inserted, version: 1), "the caller's number is not taken")
            home.normalizedAt = SeedScenario.now.addingTimeInterval(60)
            #expect(try store.upsert(home) == UpsertOutcome(.unchanged, version: 1))
            home.rooms = 4
            #expect(try store.upsert(home) == UpsertOutcome(.updated, version: 2))
            #expect(try store.home(id: "home-1")?.version == 2)
            #expect(try store.homes().map(\.version) == [2])

            let retired = try #require(try store.retire(homeId: "home-1", mergedInto: "home-2"))
            #expect(retired.version == 3)
            #expect(retired.retiredInto == "home-2")
            #expect(retired.rooms == 4)
            #expect(try store.retire(homeId: "home-1", mergedInto: "home-2") == retired, "retiring again changes nothing")
            #expect(try store.homes(retiredInto: "home-2").map(\.version) == [3])
            #expect(try store.retire(homeId: "home-9", mergedInto: "home-2") == nil)

            #expect(try store.upsert(home) == UpsertOutcome(.updated, version: 4), "a return is a new version")
            let history = try store.history(ofHome: "home-1")
            #expect(history.map(\.version) == [1, 2, 3, 4])
            #expect(history.map(\.home.version) == [1, 2, 3, 4])
        }
    }

    @Test("names a changed nested value by its top-level field, and only the fields that changed", arguments: StoreKind.allCases)
    func changedFieldsOfNestedValues(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            var home = Self.springfieldHome
            #expect(try store.upsert(home).change == .inserted)
            home.address.postalCode = "62704"
            home.extra["pool"] = "yes \"heated\", {indoor}"
            home.normalizedAt = SeedScenario.now.addingTimeInterval(60)
            #expect(try store.upsert(home).change == .updated)
            #expect(try store.history(ofHome: "home-1").last?.changedFields == ["address", "extra"])
            home.normalizedAt = SeedScenario.now.addingTimeInterval(120)
            #expect(try store.upsert(home).change == .unchanged)
        }
    }

    @Test(
        "a transaction holds the shared warehouse's write lock from its start, and another instance waits for its busy timeout",
        arguments: StoreKind.allCases)
    func transactionLocksSharedWarehouse(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let holder = try place.open()
            let waiter = try place.open(busyTimeout: .milliseconds(100))
            let home = Home(
                id: "home-1", region: "US", address: Address(city: "Springfield", country: "US"), normalizedAt: SeedScenario.now)
            try holder.transaction { () throws(NormalizationError) in
                // Only a read so far: a transaction that locked on its first write would not hold it yet.
                #expect(try holder.homes().isEmpty)
                let start = ContinuousClock.now
                #expect(throws: NormalizationError.self) { try waiter.upsert(home) }
                #expect(ContinuousClock.now - start >= .milliseconds(100))
                // Readers never wait.
                #expect(try waiter.homes().isEmpty)
            }
            #expect(try waiter.upsert(home).change == .inserted)
            #expect(try holder.homes().map(\.id) == ["home-1"])
        }
    }

    @Test(
        "a call inside a transaction joins it: one that throws dooms the whole transaction, even when the error is caught, and nothing of it commits",
        arguments: StoreKind.allCases)
    func failedInnerCallDoomsTransaction(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            var other = Self.springfieldHome
            other.id = "home-2"
            let failure = #expect(throws: NormalizationError.self) {
                try store.transaction { () throws(NormalizationError) in
                    _ = try store.upsert(Self.springfieldHome)
                    // A caller that catches a part's error and goes on: with a savepoint, the part
                    // would be undone and the rest committed.
                    _ = try? store.transaction { () throws(NormalizationError) in
                        _ = try store.upsert(other)
                        throw NormalizationError(.storageFailed, reason: "the part failed", input: "home-2")
                    }
                    #expect(try store.home(id: "home-2") != nil, "no savepoint undid the part on its own")
                }
            }
            #expect(failure?.reason.contains("the part failed") == true, "\(String(describing: failure))")
            #expect(try store.homes().isEmpty, "nothing of the doomed transaction committed")
            #expect(try store.upsert(Self.springfieldHome).change == .inserted, "the store works on afterwards")
        }
    }

    @Test(
        "on PostgreSQL a statement that fails inside a transaction fails the transaction, even when the error is caught: PostgreSQL would answer its COMMIT with a rollback, and the caller would take it for done"
    )
    func failedStatementFailsPostgresTransaction() async throws {
        try await StoreKind.postgres.withFreshPlace { place in
            let store = try place.open()
            let transaction = Result { () throws(NormalizationError) in
                try store.transaction { () throws(NormalizationError) in
                    _ = try store.upsert(Self.springfieldHome)
                    // PostgreSQL refuses text with U+0000: a read of its own (not a write's joined call) fails.
                    #expect(throws: NormalizationError.self) { _ = try store.home(id: "home\u{0}") }
                }
            }
            #expect(throws: NormalizationError.self) { try transaction.get() }
            #expect(try store.homes().isEmpty)
        }
    }

    @Test("records, their blocks and clusters, and review tasks read back as saved", arguments: StoreKind.allCases)
    func resolutionState(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            let record = try RecordMapper(descriptor: #require(SeedScenario.catalog()["us-agency-flat"])).map(SeedScenario.flat).get()
            var other = record
            other.recordId = "other"
            try store.save(try PreparedRecord(record, blockingKeys: ["b", "a", "a"]))
            try store.save(try PreparedRecord(other, blockingKeys: ["b"]))
            #expect(try store.records(inBlocks: ["a"]).map(\.key) == [record.key])
            #expect(try store.records(inBlocks: ["a", "b"]).map(\.key) == [record.key, other.key].sorted())
            #expect(try store.records(inBlocks: ["c"]).isEmpty)
            try store.save(try PreparedRecord(record, blockingKeys: ["c"]))
            #expect(try store.records(inBlocks: ["a"]).isEmpty, "saving again replaces the record's blocks")
            #expect(try store.cluster(ofRecord: record.key) == nil)
            try store.assign(recordKeys: [record.key, other.key], toCluster: "home-9")
            #expect(try store.cluster(ofRecord: other.key) == "home-9")
            #expect(try store.records(inCluster: "home-9").map(\.key) == [record.key, other.key].sorted())
            #expect(try store.record(key: "missing") == nil)

            var task = ReviewTask(
                taskId: "task-1", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home?",
                createdBy: "normalizer", createdAt: SeedScenario.now)
            try store.save(reviewTask: task)
            #expect(try store.reviewTask(id: "task-1") == task)
            task.summary = "Same home, really?"
            try store.save(reviewTask: task)
            #expect(try store.reviewTask(id: "task-1") == task)
            #expect(try store.reviewTask(id: "task-2") == nil)
        }
    }
}
