import Foundation
import Schema
import TestSupport
import Testing

@testable import NormalizerCore
@testable import PostgresWarehouse

@Suite("Blocking keys of a warehouse written under an older scheme", .postgresServer)
struct BlockMigrationTests {
    @Test(
        "a warehouse whose blocks predate the current keys rebuilds them when it opens, so its records are still found",
        arguments: StoreKind.allCases)
    func rebuildsOutdatedBlocks(kind: StoreKind) async throws {
        try await kind.withFreshPlace { place in
            let normalizer = try SeedScenario.catalog()
            let record = try RecordMapper(descriptor: #require(normalizer["us-agency-flat"])).map(SeedScenario.flat).get()
            do {
                let warehouse = try place.open()
                // The first scheme's block: the whole postal code.
                try warehouse.save(try PreparedRecord(record, blockingKeys: ["place:US|62704"]))
                #expect(try warehouse.records(inBlocks: BlockingKeys.keys(of: record)).isEmpty, "written under the old keys")
            }
            try Self.markBlocksOfFirstScheme(place)
            let reopened = try place.open()
            #expect(try reopened.records(inBlocks: BlockingKeys.keys(of: record)).map(\.key) == [record.key])
            #expect(try reopened.records(inBlocks: ["place:US|62704"]).isEmpty, "the old blocks are gone")
        }
    }

    /// Records in the warehouse that its blocks were written under the first scheme.
    private static func markBlocksOfFirstScheme(_ place: WarehousePlace) throws {
        switch place {
        case .sqlite(let file):
            try SQLiteDatabase(path: file.path, busyTimeout: .zero).execute("PRAGMA user_version = 1")
        case .postgres:
            try place.postgresSession()?.query("UPDATE warehouse_state SET value = 1 WHERE name = 'blockingKeysVersion'")
        }
    }
}
