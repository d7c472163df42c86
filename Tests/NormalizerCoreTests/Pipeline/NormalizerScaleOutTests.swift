import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import TestSupport
import Testing

// Serialized: each case runs a broker and three normalizer processes; both at once overload a two-core machine.
@Suite("Normalizer scaled out to two processes", .timeLimit(.minutes(15)), .postgresServer, .serialized)
struct NormalizerScaleOutTests {
    @Test(
        "two normalizers in one consumer group sharing one warehouse (a SQLite file, a PostgreSQL database) leave it identical to one normalizer's",
        arguments: StoreKind.allCases)
    func twoInstancesMatchOne(kind: StoreKind) async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 150, seed: 11)
        let storedKeys = try await PipelineFixture.storableKeys(of: records)
        #expect(storedKeys.count > 100)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normalizer-scale-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = WarehousePlace.sqlite(folder.appendingPathComponent("single.sqlite"))
        let shared = try await kind.freshPlace()
        defer { shared.remove() }

        try await TestProject.withBroker { broker in
            try await PipelineFixture.createTopics(on: broker.bootstrapServers)
            let environment = { (name: String, group: String, warehouse: WarehousePlace) in
                warehouse.environment.merging([
                    "HOMEPRICE_ROOT": TestProject.layout.root.path,
                    "HOMEPRICE_STATE_DIR": folder.appendingPathComponent("state-\(name)").path,
                    "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers,
                    "NORMALIZER_GROUP_ID": group,
                    "NORMALIZER_SERVICE_NAME": name,
                    // The consumers log their assignments at info.
                    "LOG_LEVEL": "info",
                ]) { first, _ in first }
            }
            let sharedGroup = TestProject.uniqueTopic("scale-out")
            let alone = try PipelineFixture.normalizer(environment("single", TestProject.uniqueTopic("single"), single))
            let first = try PipelineFixture.normalizer(environment("scale-out-0", sharedGroup, shared))
            let second = try PipelineFixture.normalizer(environment("scale-out-1", sharedGroup, shared))
            let pair = [first, second]

            // Publish only once the group split homes.raw, so both instances normalize and
            // resolve records against the shared file; in small chunks, so each takes many
            // small batches and their transactions interleave (all at once, each instance
            // would take its whole share in one batch, one after the other).
            let split = try await Self.waitForSplit(of: pair)
            for start in stride(from: 0, to: records.count, by: 20) {
                try await PipelineFixture.publish(Array(records[start..<min(start + 20, records.count)]), on: broker.bootstrapServers)
            }
            _ = try await PipelineFixture.waitForStored(storedKeys, atLeast: storedKeys.count, in: shared, processes: pair)
            _ = try await PipelineFixture.waitForStored(storedKeys, atLeast: storedKeys.count, in: single, processes: [alone])
            #expect(pair.map(PipelineFixture.rawPartitions) == split, "no rebalance moved partitions mid-run")

            for process in [alone] + pair {
                process.terminate()
                let status = try await process.waitForExit(timeout: .seconds(180))
                #expect(status == 0, "\(process.errorOutput)")
            }
        }

        let expected = try single.open().homes()
        let actual = try shared.open().homes()
        #expect(expected.count > 50)
        #expect(actual.map(\.id).sorted() == expected.map(\.id).sorted())
        #expect(try PipelineFixture.comparableHomes(actual) == PipelineFixture.comparableHomes(expected))
    }

    /// Waits until the group gave each process some of `homes.raw`'s partitions and together
    /// all of them, each to one; returns each process's share.
    static func waitForSplit(of processes: [HomepriceProcess]) async throws -> [Set<Int>] {
        let all = Set(0..<Topic.homesRaw.defaultPartitionCount)
        return try await withDeadline(.seconds(120), waitingFor: "the group to split homes.raw between the instances") {
            while true {
                let shares = processes.map(PipelineFixture.rawPartitions)
                let covered = shares.reduce(into: Set<Int>()) { $0.formUnion($1) }
                let disjoint = shares.reduce(0) { $0 + $1.count } == covered.count
                if shares.allSatisfy({ !$0.isEmpty }), disjoint, covered == all {
                    return shares
                }
                try PipelineFixture.requireRunning(processes)
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }
}
