import Foundation
import Schema
import TestSupport
import Testing

@testable import NormalizerCore
@testable import PostgresWarehouse

@Suite("Records of a PostgreSQL warehouse written before records had a region column", .postgresServer)
struct RecordRegionUpgradeTests {
    @Test("the column is added and filled from each record when the warehouse opens, so confinement to a region holds for them")
    func fillsRegionsOnOpen() async throws {
        try await StoreKind.postgres.withFreshPlace { place in
            let record = try RecordMapper(descriptor: #require(SeedScenario.catalog()["us-agency-flat"])).map(SeedScenario.flat).get()
            try place.open().save(try PreparedRecord(record))
            let session = try #require(try place.postgresSession())
            try session.query("ALTER TABLE records DROP COLUMN region")

            let reopened = try place.open()
            let regions = try session.rows("SELECT region FROM records") { try $0.decode(String?.self) }
            #expect(regions == ["US"])
            var moved = record
            moved.region = "CA"
            let failure = #expect(throws: NormalizationError.self) {
                try reopened.transaction(inRegion: "CA") { () throws(NormalizationError) in _ = try reopened.save(try PreparedRecord(moved))
                }
            }
            #expect(failure?.code == .outsideRegion, "the stored version is American")
        }
    }
}
