import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("Mapped records kept in memory by the SQLite warehouse")
struct MappedRecordCacheTests {
    private static func flatRecord() throws -> MappedRecord {
        try RecordMapper(descriptor: #require(SeedScenario.catalog()["us-agency-flat"])).map(SeedScenario.flat).get()
    }

    @Test("a record another connection rewrote is read anew, not from memory")
    func anotherWriterEmptiesTheCache() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: file) }
        let record = try Self.flatRecord()
        let blocks = BlockingKeys.keys(of: record)
        let mine = try SQLiteWarehouse(path: file.path, busyTimeout: .seconds(5))
        let theirs = try SQLiteWarehouse(path: file.path, busyTimeout: .seconds(5))
        try mine.save(record: record, blockingKeys: blocks)
        #expect(try mine.record(key: record.key) == record)
        var rewritten = record
        rewritten.fields[CanonicalField.bedrooms.rawValue] = FieldValue(.integer(9), raw: "9")
        try theirs.save(record: rewritten, blockingKeys: blocks)
        #expect(try mine.record(key: record.key) == rewritten)
        #expect(try mine.records(inBlocks: blocks) == [rewritten])
    }

    @Test("a record saved in a transaction that rolled back is not read from memory")
    func rollbackEmptiesTheCache() throws {
        let store = try SQLiteWarehouse(path: ":memory:")
        let record = try Self.flatRecord()
        let blocks = BlockingKeys.keys(of: record)
        #expect(throws: NormalizationError.self) {
            try store.transaction { () throws(NormalizationError) in
                try store.save(record: record, blockingKeys: blocks)
                throw NormalizationError(.storageFailed, reason: "the batch failed after saving")
            }
        }
        #expect(try store.record(key: record.key) == nil)
        #expect(try store.records(inBlocks: blocks).isEmpty)
    }

    @Test("a warehouse that keeps fewer records than it holds still reads every one")
    func fullCacheStartsOver() throws {
        let store = try SQLiteWarehouse(path: ":memory:", recordCacheSize: 1)
        let record = try Self.flatRecord()
        var other = record
        other.recordId = "other"
        try store.save(record: record, blockingKeys: BlockingKeys.keys(of: record))
        try store.save(record: other, blockingKeys: BlockingKeys.keys(of: other))
        #expect(try store.records(inBlocks: BlockingKeys.keys(of: record)).map(\.key) == [other.key, record.key].sorted())
        #expect(try store.record(key: record.key) == record)
    }
}
