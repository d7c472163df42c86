import Foundation
import Schema
import TestSupport
import Testing

@testable import NormalizerCore
@testable import PostgresWarehouse

/// The instance that keeps records reads and writes in transactions of the records' region
/// (`US`), where the PostgreSQL warehouse keeps what it reads; SQLite keeps them in any.
@Suite("Mapped records kept in memory by the warehouse", .postgresServer)
struct MappedRecordCacheTests {
    private static func flatRecord() throws -> MappedRecord {
        try RecordMapper(descriptor: #require(SeedScenario.catalog()["us-agency-flat"])).map(SeedScenario.flat).get()
    }

    /// `body` in a transaction of `store` confined to the records' region.
    private static func inUS<Value>(
        _ store: any NormalizerStore, _ body: () throws(NormalizationError) -> Value
    ) throws(NormalizationError) -> Value {
        try store.transaction(inRegion: "US", body)
    }

    @Test("a record another instance rewrote is read anew, not from memory", arguments: StoreKind.allCases)
    func anotherWriterEmptiesTheCache(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let record = try Self.flatRecord()
            let blocks = BlockingKeys.keys(of: record)
            let mine = try place.open()
            let theirs = try place.open()
            try Self.inUS(mine) { () throws(NormalizationError) in
                try mine.save(try PreparedRecord(record, blockingKeys: blocks))
                #expect(try mine.record(key: record.key) == record)
            }
            var rewritten = record
            rewritten.fields[CanonicalField.bedrooms.rawValue] = FieldValue(.integer(9), raw: "9")
            let prepared = try PreparedRecord(rewritten, blockingKeys: blocks)
            try Self.inUS(theirs) { () throws(NormalizationError) in _ = try theirs.save(prepared) }
            try Self.inUS(mine) { () throws(NormalizationError) in
                #expect(try mine.record(key: record.key) == rewritten)
                #expect(try mine.records(inBlocks: blocks) == [rewritten])
                #expect(try mine.records(inCluster: "none").isEmpty)
            }
            // A write confined to no region (a human decision) may have changed any region.
            var again = rewritten
            again.fields[CanonicalField.bedrooms.rawValue] = FieldValue(.integer(8), raw: "8")
            try theirs.save(try PreparedRecord(again, blockingKeys: blocks))
            #expect(try Self.inUS(mine) { () throws(NormalizationError) in try mine.record(key: record.key) } == again)
        }
    }

    @Test("a record's cluster another instance changed is read anew, not from memory", arguments: StoreKind.allCases)
    func anotherWriterChangesTheCluster(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let record = try Self.flatRecord()
            let mine = try place.open()
            let theirs = try place.open()
            try Self.inUS(mine) { () throws(NormalizationError) in
                try mine.save(try PreparedRecord(record))
                #expect(try mine.cluster(ofRecord: record.key) == nil)
                try mine.assign(recordKeys: [record.key], toCluster: "home-1")
                #expect(try mine.cluster(ofRecord: record.key) == "home-1")
            }
            try Self.inUS(theirs) { () throws(NormalizationError) in try theirs.assign(recordKeys: [record.key], toCluster: "home-2") }
            try Self.inUS(mine) { () throws(NormalizationError) in
                #expect(try mine.cluster(ofRecord: record.key) == "home-2")
                #expect(try mine.records(inCluster: "home-2").map(\.key) == [record.key])
                try mine.save(try PreparedRecord(record))
                #expect(try mine.cluster(ofRecord: record.key) == "home-2", "saving a record again keeps its cluster")
            }
        }
    }

    @Test(
        "a record saved, or a cluster assigned, in a transaction that rolled back is not read from memory", arguments: StoreKind.allCases)
    func rollbackEmptiesTheCache(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open()
            let record = try Self.flatRecord()
            let blocks = BlockingKeys.keys(of: record)
            #expect(throws: NormalizationError.self) {
                try Self.inUS(store) { () throws(NormalizationError) in
                    try store.save(try PreparedRecord(record, blockingKeys: blocks))
                    throw NormalizationError(.storageFailed, reason: "the batch failed after saving")
                }
            }
            try Self.inUS(store) { () throws(NormalizationError) in
                #expect(try store.record(key: record.key) == nil)
                #expect(try store.records(inBlocks: blocks).isEmpty)
                try store.save(try PreparedRecord(record, blockingKeys: blocks))
            }
            #expect(throws: NormalizationError.self) {
                try Self.inUS(store) { () throws(NormalizationError) in
                    try store.assign(recordKeys: [record.key], toCluster: "home-1")
                    throw NormalizationError(.storageFailed, reason: "the batch failed after assigning")
                }
            }
            // Another writer's commit brings the store's data version to the one the rolled-back
            // transaction had moved to: only forgetting on rollback keeps the cluster from memory.
            var other = record
            other.recordId = "other"
            let otherInstance = try place.open()
            try Self.inUS(otherInstance) { () throws(NormalizationError) in _ = try otherInstance.save(try PreparedRecord(other)) }
            #expect(
                try Self.inUS(store) { () throws(NormalizationError) in try store.cluster(ofRecord: record.key) } == nil,
                "the rolled-back cluster is not read from memory")

            // A cluster read whole, a record moved out of it and a review task saved, all rolled back.
            try Self.inUS(store) { () throws(NormalizationError) in
                try store.assign(recordKeys: [record.key, other.key], toCluster: "home-1")
                #expect(try store.records(inCluster: "home-1").count == 2)
                #expect(try store.reviewTask(id: "duplicate-1") == nil)
            }
            #expect(throws: NormalizationError.self) {
                try Self.inUS(store) { () throws(NormalizationError) in
                    try store.assign(recordKeys: [other.key], toCluster: "home-2")
                    #expect(try store.records(inCluster: "home-1").map(\.key) == [record.key])
                    try store.save(
                        reviewTask: ReviewTask(
                            taskId: "duplicate-1", kind: .ambiguousDuplicate, subjectIds: [record.key, other.key], summary: "Same home?",
                            createdBy: "test", createdAt: SeedScenario.now))
                    throw NormalizationError(.storageFailed, reason: "the batch failed after moving")
                }
            }
            try Self.inUS(store) { () throws(NormalizationError) in
                #expect(try store.records(inCluster: "home-1").count == 2, "the rolled-back move is not read from memory")
                #expect(try store.reviewTask(id: "duplicate-1") == nil, "the rolled-back task is not read from memory")
            }
        }
    }

    @Test(
        "a cluster's members read whole stay whole as this instance moves records between clusters, and are read anew after another instance's move",
        arguments: StoreKind.allCases)
    func clusterMembersFollowMoves(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let record = try Self.flatRecord()
            var other = record
            other.recordId = "other"
            let mine = try place.open()
            try Self.inUS(mine) { () throws(NormalizationError) in
                try mine.save(try PreparedRecord(record))
                try mine.save(try PreparedRecord(other))
                try mine.assign(recordKeys: [record.key, other.key], toCluster: "home-1")
                #expect(try mine.records(inCluster: "home-1").map(\.key) == [other.key, record.key].sorted())
                #expect(try mine.records(inCluster: "home-2").isEmpty)
                try mine.assign(recordKeys: [other.key], toCluster: "home-2")
                #expect(try mine.records(inCluster: "home-1").map(\.key) == [record.key])
                #expect(try mine.records(inCluster: "home-2").map(\.key) == [other.key])
            }
            let theirs = try place.open()
            try Self.inUS(theirs) { () throws(NormalizationError) in try theirs.assign(recordKeys: [record.key], toCluster: "home-2") }
            try Self.inUS(mine) { () throws(NormalizationError) in
                #expect(try mine.records(inCluster: "home-1").isEmpty)
                #expect(try mine.records(inCluster: "home-2").map(\.key) == [other.key, record.key].sorted())
            }
        }
    }

    @Test(
        "a review task another instance wrote or decided is read anew, not from memory; one missing is known missing",
        arguments: StoreKind.allCases)
    func reviewTasksFollowOtherWriters(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            func task(_ status: ReviewStatus) -> ReviewTask {
                ReviewTask(
                    taskId: "duplicate-1", kind: .ambiguousDuplicate, subjectIds: ["a/1", "b/2"], summary: "Same home?", createdBy: "test",
                    createdAt: SeedScenario.now, status: status)
            }
            let mine = try place.open()
            let theirs = try place.open()
            try Self.inUS(mine) { () throws(NormalizationError) in
                #expect(try mine.reviewTask(id: "duplicate-1") == nil)
                try mine.save(reviewTask: task(.open))
                #expect(try mine.reviewTask(id: "duplicate-1")?.status == .open)
            }
            // A decision is stored in a transaction confined to no region.
            try theirs.save(reviewTask: task(.approved))
            #expect(try Self.inUS(mine) { () throws(NormalizationError) in try mine.reviewTask(id: "duplicate-1")?.status } == .approved)
            try Self.inUS(theirs) { () throws(NormalizationError) in _ = try theirs.save(reviewTask: task(.rejected)) }
            #expect(try Self.inUS(mine) { () throws(NormalizationError) in try mine.reviewTask(id: "duplicate-1")?.status } == .rejected)
            try Self.inUS(mine) { () throws(NormalizationError) in
                #expect(try mine.reviewTask(id: "duplicate-2") == nil)
            }
            try Self.inUS(theirs) { () throws(NormalizationError) in
                var second = task(.open)
                second.taskId = "duplicate-2"
                try theirs.save(reviewTask: second)
            }
            #expect(
                try Self.inUS(mine) { () throws(NormalizationError) in try mine.reviewTask(id: "duplicate-2") } != nil, "no longer missing")
        }
    }

    @Test(
        "on PostgreSQL a country's records stay in memory while another instance writes another country, and go when it writes theirs"
    )
    func otherRegionsWritesKeepTheCache() async throws {
        try await StoreKind.postgres.withFreshPlace { place in
            let record = try Self.flatRecord()
            var canadian = record
            canadian.sourceId = "ca-agency-feed"
            canadian.region = "CA"
            let mine = try place.open()
            let theirs = try place.open()
            try Self.inUS(mine) { () throws(NormalizationError) in
                try mine.save(try PreparedRecord(record))
                #expect(try mine.record(key: record.key) == record)
            }
            // Removed behind every instance's back (no generation moves): only an instance
            // reading it from memory still finds it.
            let session = try #require(try place.postgresSession())
            try session.query("DELETE FROM records WHERE key = \(record.key)")

            try theirs.transaction(inRegion: "CA") { () throws(NormalizationError) in _ = try theirs.save(try PreparedRecord(canadian)) }
            #expect(
                try Self.inUS(mine) { () throws(NormalizationError) in try mine.record(key: record.key) } == record,
                "Canada's write left the American records kept")

            try Self.inUS(theirs) { () throws(NormalizationError) in #expect(try theirs.record(key: record.key) == nil) }
            try theirs.transaction(inRegion: "US") { () throws(NormalizationError) in
                var other = record
                other.recordId = "L-2"
                try theirs.save(try PreparedRecord(other))
            }
            #expect(
                try Self.inUS(mine) { () throws(NormalizationError) in try mine.record(key: record.key) } == nil,
                "an American write sends the American records back to the warehouse")
        }
    }

    @Test("the members kept of a cluster follow each move, and go when the clusters kept start over")
    func membersInMemory() {
        let cache = MappedRecordCache(limit: 10)
        cache.keep(members: ["a", "b"], ofCluster: "k1")
        cache.keep(members: ["c"], ofCluster: "k2")
        cache.keep(cluster: "k2", ofRecords: ["a"])
        #expect(cache.members(ofCluster: "k1") == ["b"])
        #expect(cache.members(ofCluster: "k2") == ["a", "c"])
        cache.keep(cluster: "k3", ofRecords: ["d"])
        #expect(cache.members(ofCluster: "k3") == nil, "a cluster never read whole is not known whole")
        cache.keep(cluster: "k1", ofRecords: ["d"])
        #expect(cache.members(ofCluster: "k1") == ["b", "d"])
        cache.keep(cluster: nil, ofRecords: ["b"])
        #expect(cache.members(ofCluster: "k1") == ["d"], "a record in no cluster leaves its list")
        cache.keep(cluster: "k2", ofRecords: ["d"])
        #expect(cache.members(ofCluster: "k1") == nil, "an emptied cluster is read again")
        cache.keep(members: [], ofCluster: "k4")
        #expect(cache.members(ofCluster: "k4") == nil, "a cluster without members is not kept")
        cache.removeAll()
        #expect(cache.members(ofCluster: "k1") == nil)

        let small = MappedRecordCache(limit: 2)
        small.keep(members: ["a"], ofCluster: "k1")
        small.keep(members: ["b", "c"], ofCluster: "k2")
        #expect(small.members(ofCluster: "k2") == nil, "the clusters started over while the list was kept: it is not whole")
        #expect(small.members(ofCluster: "k1") == nil, "starting over forgets every list")
    }

    @Test("a warehouse that keeps fewer records than it holds still reads every one", arguments: StoreKind.allCases)
    func fullCacheStartsOver(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let store = try place.open(recordCacheSize: 1)
            let record = try Self.flatRecord()
            var other = record
            other.recordId = "other"
            try Self.inUS(store) { () throws(NormalizationError) in
                try store.save(try PreparedRecord(record))
                try store.save(try PreparedRecord(other))
                #expect(try store.records(inBlocks: BlockingKeys.keys(of: record)).map(\.key) == [other.key, record.key].sorted())
                #expect(try store.record(key: record.key) == record)
            }
        }
    }
}
