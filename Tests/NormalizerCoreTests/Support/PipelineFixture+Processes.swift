import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import TestSupport

/// Running the built `homeprice-normalizer` as real processes against a test broker, and
/// watching the warehouse file they write.
extension PipelineFixture {
    /// The keys of the records the normalizer stores (the rest are dead letters by design),
    /// found by mapping them with the project's configuration, without a broker.
    static func storableKeys(of records: [RawRecord]) async throws -> [String] {
        let reference = Normalizer(
            configuration: try await NormalizerConfiguration.load(layout: TestProject.layout),
            catalog: try SourceCatalog.load(directory: TestProject.layout.configs.appendingPathComponent("sources")),
            store: try SQLiteWarehouse(path: ":memory:"))
        return records.filter { if case .success = reference.map($0) { true } else { false } }.map(\.key)
    }

    /// Starts the built `homeprice-normalizer` with `environment`.
    static func normalizer(_ environment: [String: String]) throws -> HomepriceProcess {
        try HomepriceProcess([], environment: environment, executable: ExecutableRun.product("homeprice-normalizer"))
    }

    /// Waits until at least `count` of `keys` are stored in the warehouse file at `file`
    /// (written by `processes`, which must keep running); returns how many are.
    static func waitForStored(
        _ keys: [String],
        atLeast count: Int,
        in file: URL,
        processes: [HomepriceProcess]
    ) async throws -> Int {
        try await waitForStored(keys, atLeast: count, in: .sqlite(file), processes: processes)
    }

    /// Waits until at least `count` of `keys` are stored in the warehouse at `place` (written
    /// by `processes`, which must keep running); returns how many are.
    static func waitForStored(
        _ keys: [String],
        atLeast count: Int,
        in place: WarehousePlace,
        processes: [HomepriceProcess]
    ) async throws -> Int {
        try await withDeadline(.seconds(180), waitingFor: "\(count) records in \(place)") {
            var store: (any NormalizerStore)?
            while true {
                store = store ?? place.openIfPresent()
                if let store, case let stored = Self.storedCount(keys, in: store), stored >= count { return stored }
                try Self.requireRunning(processes)
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// Throws ``ProcessExited`` if one of `processes` has exited.
    static func requireRunning(_ processes: [HomepriceProcess]) throws {
        for process in processes {
            if let status = process.exitStatus {
                throw ProcessExited(status: status, errors: process.errorOutput)
            }
        }
    }

    /// How many of `keys` the warehouse file at `file` holds; `nil` while it cannot be read yet.
    static func storedCount(_ keys: [String], in file: URL) -> Int? {
        WarehousePlace.sqlite(file).openIfPresent().map { storedCount(keys, in: $0) }
    }

    /// How many of `keys` `store` holds.
    static func storedCount(_ keys: [String], in store: any NormalizerStore) -> Int {
        keys.count { (try? store.record(key: $0)) != nil }
    }

    /// The `homes.raw` partitions a normalizer process holds now, as its consumer logged them
    /// (`kafka partitions assigned` and `revoked` at `info`, in order; eager and cooperative
    /// rebalancing alike).
    static func rawPartitions(of process: HomepriceProcess) -> Set<Int> {
        var held: Set<Int> = []
        for line in process.errorOutput.split(separator: "\n") {
            let assigned = line.contains("kafka partitions assigned")
            guard assigned || line.contains("kafka partitions revoked") else { continue }
            let partitions = line.matches(of: /homes\.raw\[(\d+)\]/).compactMap { Int($0.output.1) }
            if assigned {
                held.formUnion(partitions)
            } else {
                held.subtract(partitions)
            }
        }
        return held
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
