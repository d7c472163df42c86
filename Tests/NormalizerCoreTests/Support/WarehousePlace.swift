import Foundation
import Logging
import NormalizerCore

@testable import PostgresWarehouse

/// One warehouse that several stores open, as normalizer instances share one.
enum WarehousePlace: Sendable {
    /// A SQLite file.
    case sqlite(URL)
    /// A PostgreSQL database's URL.
    case postgres(String)

    /// A new store (connection) on the warehouse.
    func open(
        busyTimeout: Duration = .seconds(5), recordCacheSize: Int = 10_000, clock: @escaping @Sendable () -> Date = Date.init
    ) throws -> any NormalizerStore {
        switch self {
        case .sqlite(let file):
            try SQLiteWarehouse(path: file.path, busyTimeout: busyTimeout, recordCacheSize: recordCacheSize, clock: clock)
        case .postgres(let url):
            try PostgresWarehouse(
                location: PostgresLocation(url: url), busyTimeout: busyTimeout, recordCacheSize: recordCacheSize, clock: clock)
        }
    }

    /// A session of its own on a PostgreSQL warehouse, for statements behind every store's back
    /// (an older build's tables, a row removed); `nil` for a SQLite file.
    func postgresSession() throws -> PostgresSession? {
        guard case .postgres(let url) = self else { return nil }
        return try PostgresSession(location: PostgresLocation(url: url), lockTimeout: .seconds(5), logger: Logger(label: "test"))
    }

    /// A store on the warehouse if it exists yet (a SQLite file not yet created does not).
    func openIfPresent() -> (any NormalizerStore)? {
        if case .sqlite(let file) = self, !FileManager.default.fileExists(atPath: file.path) { return nil }
        return try? open()
    }

    /// The environment that points a `homeprice-normalizer` process at this warehouse.
    var environment: [String: String] {
        switch self {
        case .sqlite(let file): ["NORMALIZER_WAREHOUSE_KIND": "sqlite", "NORMALIZER_WAREHOUSE_PATH": file.path]
        case .postgres(let url): ["NORMALIZER_WAREHOUSE_KIND": "postgres", "NORMALIZER_WAREHOUSE_POSTGRES_URL": url]
        }
    }

    /// Removes a SQLite file (and its WAL files); a PostgreSQL database goes with its server.
    func remove() {
        guard case .sqlite(let file) = self else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
    }
}
