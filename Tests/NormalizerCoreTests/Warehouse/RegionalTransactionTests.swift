import Foundation
import Schema
import TestSupport
import Testing

@testable import NormalizerCore

@Suite("Warehouse transactions confined to a region", .postgresServer)
struct RegionalTransactionTests {
    private static func home(_ id: String, region: String) -> Home {
        Home(id: id, region: region, address: Address(city: "Springfield", country: region), normalizedAt: SeedScenario.now)
    }

    private static func flatRecord() throws -> MappedRecord {
        try RecordMapper(descriptor: #require(SeedScenario.catalog()["us-agency-flat"])).map(SeedScenario.flat).get()
    }

    @Test(
        "on PostgreSQL another instance writes another region while a transaction of one region is open, and waits for the same region or for an unconfined write"
    )
    func regionsRunSideBySide() async throws {
        try await StoreKind.postgres.withFreshPlace { place in
            let holder = try place.open()
            let other = try place.open(busyTimeout: .milliseconds(100))
            #expect(holder.runsRegionsConcurrently && other.runsRegionsConcurrently)
            try holder.transaction(inRegion: "US") { () throws(NormalizationError) in
                #expect(try holder.upsert(Self.home("us-1", region: "US")).change == .inserted)
                #expect(
                    try other.transaction(inRegion: "DE") { () throws(NormalizationError) in
                        try other.upsert(Self.home("de-1", region: "DE"))
                    }.change == .inserted, "another region does not wait")
                let start = ContinuousClock.now
                let sameRegion = #expect(throws: NormalizationError.self, "the same region waits for the holder") {
                    try other.transaction(inRegion: "US") { () throws(NormalizationError) in
                        _ = try other.upsert(Self.home("us-2", region: "US"))
                    }
                }
                let unconfined = #expect(throws: NormalizationError.self, "a write confined to no region waits for the holder") {
                    _ = try other.upsert(Self.home("any-1", region: "CA"))
                }
                for failure in [sameRegion, unconfined] {
                    #expect(failure?.reason.contains("lock timeout") == true, "\(String(describing: failure))")
                }
                #expect(ContinuousClock.now - start >= .milliseconds(200), "each waited its busy timeout")
            }
            #expect(try holder.homes().map(\.id) == ["de-1", "us-1"])
        }
    }

    @Test(
        "on PostgreSQL a transaction of one region that meets a record stored in another fails as outsideRegion and commits nothing; unconfined, the same work succeeds"
    )
    func outsideRegionFailsTheTransaction() async throws {
        try await StoreKind.postgres.withFreshPlace { place in
            let store = try place.open()
            let record = try Self.flatRecord()
            try store.save(try PreparedRecord(record))
            try store.assign(recordKeys: [record.key], toCluster: "home-1")

            // A read of another region's record, by key or as a cluster member.
            for readsByKey in [true, false] {
                let failure = #expect(throws: NormalizationError.self) {
                    try store.transaction(inRegion: "DE") { () throws(NormalizationError) in
                        _ = try store.upsert(Self.home("de-1", region: "DE"))
                        if readsByKey {
                            _ = try store.record(key: record.key)
                        } else {
                            _ = try store.records(inCluster: "home-1")
                        }
                    }
                }
                #expect(failure?.code == .outsideRegion && failure?.input == record.key, "\(String(describing: failure))")
            }
            #expect(try store.home(id: "de-1") == nil, "nothing of the failed transactions committed")

            // The record moved to Canada: saved in Canada's transaction, its stored version is American.
            var moved = record
            moved.region = "CA"
            let failure = #expect(throws: NormalizationError.self) {
                try store.transaction(inRegion: "CA") { () throws(NormalizationError) in _ = try store.save(try PreparedRecord(moved)) }
            }
            #expect(failure?.code == .outsideRegion)
            #expect(try store.record(key: record.key)?.region == "US", "the American version is still stored")
            try store.transaction { () throws(NormalizationError) in _ = try store.save(try PreparedRecord(moved)) }
            #expect(try store.record(key: record.key)?.region == "CA")
            #expect(
                try store.transaction(inRegion: "CA") { () throws(NormalizationError) in try store.record(key: record.key) } == moved,
                "once moved, the record is Canada's")
        }
    }

    @Test("a store with one writer at a time (SQLite) runs a region's transaction as any other")
    func sqliteHasOneWriter() async throws {
        try await StoreKind.sqlite.withFreshPlace { place in
            let holder = try place.open()
            let other = try place.open(busyTimeout: .milliseconds(100))
            #expect(!holder.runsRegionsConcurrently)
            try holder.transaction(inRegion: "US") { () throws(NormalizationError) in
                _ = try holder.upsert(Self.home("us-1", region: "US"))
                #expect(throws: NormalizationError.self) {
                    try other.transaction(inRegion: "DE") { () throws(NormalizationError) in
                        _ = try other.upsert(Self.home("de-1", region: "DE"))
                    }
                }
            }
            #expect(try holder.homes().map(\.id) == ["us-1"])
        }
    }
}
