import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("Normalizer process killed mid-stream", .timeLimit(.minutes(15)))
struct NormalizerRestartTests {
    @Test("a normalizer killed mid-stream and restarted leaves the warehouse identical to an uninterrupted run's")
    func killAndRestartMatchesUninterruptedRun() async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 400, seed: 11)
        let storedKeys = try await PipelineFixture.storableKeys(of: records)
        #expect(storedKeys.count > 300)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normalizer-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uninterruptedFile = folder.appendingPathComponent("uninterrupted.sqlite")
        let interruptedFile = folder.appendingPathComponent("interrupted.sqlite")

        // A small first part and a large second one: the second takes the normalizer, record by
        // record, many times longer than the test needs to see its first record stored and kill.
        let firstPart = Array(records[..<(records.count / 5)])
        let secondPart = Array(records[(records.count / 5)...])
        let firstPartKeys = Set(firstPart.map(\.key))
        let firstPartStored = storedKeys.filter { firstPartKeys.contains($0) }.count

        try await TestProject.withBroker { broker in
            try await PipelineFixture.createTopics(on: broker.bootstrapServers)
            try await PipelineFixture.publish(firstPart, on: broker.bootstrapServers)
            let environment = { (name: String, warehouse: URL) in
                [
                    "HOMEPRICE_ROOT": TestProject.layout.root.path,
                    "HOMEPRICE_STATE_DIR": folder.appendingPathComponent("state").path,
                    "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers,
                    "NORMALIZER_GROUP_ID": "\(name)-\(UUID().uuidString.prefix(8))",
                    "NORMALIZER_SERVICE_NAME": name,
                    "NORMALIZER_WAREHOUSE_PATH": warehouse.path,
                    "LOG_LEVEL": "warning",
                    // One record per batch: each its own transaction, send and commit, so the
                    // second part takes long enough for the kill to land inside it.
                    "PIPELINE_STAGES_NORMALIZATION_BATCH_SIZE": "1",
                ]
            }
            let uninterruptedEnvironment = environment("uninterrupted", uninterruptedFile)
            let interruptedEnvironment = environment("interrupted", interruptedFile)
            let uninterrupted = try PipelineFixture.normalizer(uninterruptedEnvironment)
            let first = try PipelineFixture.normalizer(interruptedEnvironment)

            // Kill once the first part is in the warehouse (its outputs and offsets may or may
            // not be through) and the second has begun: the kill lands while the second part
            // is fetched or normalized, record by record. A thread of its own watches the file,
            // so a busy test run cannot let the normalizer store the rest first.
            _ = try await PipelineFixture.waitForStored(storedKeys, atLeast: firstPartStored, in: interruptedFile, processes: [first])
            try await PipelineFixture.publish(secondPart, on: broker.bootstrapServers)
            let watched = try #require(WarehousePlace.sqlite(interruptedFile).openIfPresent())
            let secondPartKeys = storedKeys.filter { !firstPartKeys.contains($0) }
            try await first.kill(
                when: { PipelineFixture.storedCount(secondPartKeys, in: watched) > 0 }, every: .milliseconds(20),
                waitingFor: "a record of the second part in the warehouse", timeout: .seconds(180))
            _ = try await first.waitForExit(timeout: .seconds(180))
            let storedBeforeKill = try #require(PipelineFixture.storedCount(storedKeys, in: interruptedFile))
            #expect(
                storedBeforeKill >= firstPartStored && storedBeforeKill < storedKeys.count,
                "the kill came mid-stream: \(storedBeforeKill) of \(storedKeys.count) stored")

            let restarted = try PipelineFixture.normalizer(interruptedEnvironment)
            _ = try await PipelineFixture.waitForStored(storedKeys, atLeast: storedKeys.count, in: interruptedFile, processes: [restarted])
            _ = try await PipelineFixture.waitForStored(
                storedKeys, atLeast: storedKeys.count, in: uninterruptedFile, processes: [uninterrupted])

            // Both stop gracefully on SIGTERM.
            for process in [restarted, uninterrupted] {
                process.terminate()
                let status = try await process.waitForExit(timeout: .seconds(180))
                #expect(status == 0, "\(process.errorOutput)")
            }
        }

        let expected = try SQLiteWarehouse(path: uninterruptedFile.path).homes()
        let actual = try SQLiteWarehouse(path: interruptedFile.path).homes()
        #expect(expected.count > 50)
        #expect(actual.map(\.id).sorted() == expected.map(\.id).sorted())
        #expect(try PipelineFixture.comparableHomes(actual) == PipelineFixture.comparableHomes(expected))
    }
}
