import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("Blocking keys of a warehouse written under an older scheme")
struct BlockMigrationTests {
    @Test("a warehouse whose blocks predate the current keys rebuilds them when it opens, so its records are still found")
    func rebuildsOutdatedBlocks() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("blocks-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: file) }
        let normalizer = try SeedScenario.catalog()
        let record = try RecordMapper(descriptor: #require(normalizer["us-agency-flat"])).map(SeedScenario.flat).get()
        do {
            let warehouse = try SQLiteWarehouse(path: file.path)
            // The first scheme's block: the whole postal code.
            try warehouse.save(record: record, blockingKeys: ["place:US|62704"])
            #expect(try warehouse.records(inBlocks: BlockingKeys.keys(of: record)).isEmpty, "written under the old keys")
        }
        try SQLiteDatabase(path: file.path, busyTimeout: .zero).execute("PRAGMA user_version = 1")
        let reopened = try SQLiteWarehouse(path: file.path)
        #expect(try reopened.records(inBlocks: BlockingKeys.keys(of: record)).map(\.key) == [record.key])
        #expect(try reopened.records(inBlocks: ["place:US|62704"]).isEmpty, "the old blocks are gone")
    }
}
