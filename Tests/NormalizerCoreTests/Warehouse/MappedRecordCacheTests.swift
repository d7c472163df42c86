import Foundation
import Schema
import TestSupport
import Testing

@testable import NormalizerCore

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
            try Self.inUS(theirs) { () throws(NormalizationError) in try theirs.save(try PreparedRecord(rewritten, blockingKeys: blocks)) }
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
            try Self.inUS(otherInstance) { () throws(NormalizationError) in try otherInstance.save(try PreparedRecord(other)) }
            #expect(
                try Self.inUS(store) { () throws(NormalizationError) in try store.cluster(ofRecord: record.key) } == nil,
                "the rolled-back cluster is not read from memory")
        }
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
