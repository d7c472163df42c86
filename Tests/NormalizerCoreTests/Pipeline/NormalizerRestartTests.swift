import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("Normalizer process killed mid-stream", .timeLimit(.minutes(5)))
struct NormalizerRestartTests {
    @Test("a normalizer killed mid-stream and restarted leaves the warehouse identical to an uninterrupted run's")
    func killAndRestartMatchesUninterruptedRun() async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 150, seed: 11)
        // The records the normalizer stores (the rest are dead letters by design).
        let reference = Normalizer(
            configuration: try await NormalizerConfiguration.load(layout: TestProject.layout),
            catalog: try SourceCatalog.load(directory: TestProject.layout.configs.appendingPathComponent("sources")),
            store: try SQLiteWarehouse(path: ":memory:"))
        let storedKeys = records.filter { if case .success = reference.map($0) { true } else { false } }.map(\.key)
        #expect(storedKeys.count > 100)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normalizer-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uninterruptedFile = folder.appendingPathComponent("uninterrupted.sqlite")
        let interruptedFile = folder.appendingPathComponent("interrupted.sqlite")

        let firstHalf = Array(records[..<(records.count / 2)])
        let secondHalf = Array(records[(records.count / 2)...])
        let firstHalfKeys = Set(firstHalf.map(\.key))
        let firstHalfStored = storedKeys.filter { firstHalfKeys.contains($0) }.count

        try await TestProject.withBroker { broker in
            try await PipelineFixture.createTopics(on: broker.bootstrapServers)
            try await PipelineFixture.publish(firstHalf, on: broker.bootstrapServers)
            let environment = { (name: String, warehouse: URL) in
                [
                    "HOMEPRICE_ROOT": TestProject.layout.root.path,
                    "HOMEPRICE_STATE_DIR": folder.appendingPathComponent("state").path,
                    "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers,
                    "NORMALIZER_GROUP_ID": "\(name)-\(UUID().uuidString.prefix(8))",
                    "NORMALIZER_SERVICE_NAME": name,
                    "NORMALIZER_WAREHOUSE_PATH": warehouse.path,
                    "LOG_LEVEL": "warning",
                ]
            }
            let uninterruptedEnvironment = environment("uninterrupted", uninterruptedFile)
            let interruptedEnvironment = environment("interrupted", interruptedFile)
            let uninterrupted = try Self.normalizer(uninterruptedEnvironment)
            let first = try Self.normalizer(interruptedEnvironment)

            // Kill once the first half is in the warehouse (its outputs and offsets may or may
            // not be through) and the second half was just published: the kill lands while the
            // second half is fetched or normalized in an uncommitted batch.
            _ = try await Self.waitForStored(storedKeys, atLeast: firstHalfStored, in: interruptedFile, process: first)
            try await PipelineFixture.publish(secondHalf, on: broker.bootstrapServers)
            first.kill()
            _ = try await first.waitForExit(timeout: .seconds(30))
            let storedBeforeKill = try #require(Self.storedCount(storedKeys, in: interruptedFile))
            #expect(storedBeforeKill >= firstHalfStored && storedBeforeKill < storedKeys.count, "the kill came mid-stream")

            let restarted = try Self.normalizer(interruptedEnvironment)
            _ = try await Self.waitForStored(storedKeys, atLeast: storedKeys.count, in: interruptedFile, process: restarted)
            _ = try await Self.waitForStored(storedKeys, atLeast: storedKeys.count, in: uninterruptedFile, process: uninterrupted)

            // Both stop gracefully on SIGTERM.
            for process in [restarted, uninterrupted] {
                process.terminate()
                let status = try await process.waitForExit(timeout: .seconds(60))
                #expect(status == 0, "\(process.errorOutput)")
            }
        }

        let expected = try SQLiteWarehouse(path: uninterruptedFile.path).homes()
        let actual = try SQLiteWarehouse(path: interruptedFile.path).homes()
        #expect(expected.count > 50)
        #expect(actual.map(\.id).sorted() == expected.map(\.id).sorted())
        #expect(try PipelineFixture.comparableHomes(actual) == PipelineFixture.comparableHomes(expected))
    }

    /// Starts the built `homeprice-normalizer` with `environment`.
    static func normalizer(_ environment: [String: String]) throws -> HomepriceProcess {
        try HomepriceProcess([], environment: environment, executable: ExecutableRun.product("homeprice-normalizer"))
    }

    /// Waits until at least `count` of `keys` are stored in the warehouse at `file` (written by
    /// `process`, which must keep running); returns how many are.
    static func waitForStored(_ keys: [String], atLeast count: Int, in file: URL, process: HomepriceProcess) async throws -> Int {
        try await withDeadline(.seconds(180), waitingFor: "\(count) records in \(file.lastPathComponent)") {
            while true {
                if let stored = Self.storedCount(keys, in: file), stored >= count { return stored }
                if let status = try? await process.waitForExit(timeout: .zero) {
                    throw ProcessExited(status: status, errors: process.errorOutput)
                }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// How many of `keys` the warehouse at `file` holds; `nil` while it cannot be read yet.
    static func storedCount(_ keys: [String], in file: URL) -> Int? {
        guard FileManager.default.fileExists(atPath: file.path), let warehouse = try? SQLiteWarehouse(path: file.path) else { return nil }
        return keys.count { (try? warehouse.record(key: $0)) != nil }
    }

    /// The normalizer process exited while the test waited for it.
    struct ProcessExited: Error, CustomStringConvertible {
        /// Its exit status.
        let status: Int32
        /// What it wrote to standard error.
        let errors: String

        var description: String { "homeprice-normalizer exited with status \(status): \(errors)" }
    }
}
