import Foundation
import TestSupport
import Testing

/// The warehouses the warehouse suites run against, each test on both.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh warehouse of this kind (``freshPlace()``) and removes it
    /// afterwards.
    func withFreshPlace<Value>(_ body: (WarehousePlace) async throws -> Value) async throws -> Value {
        let place = try await freshPlace()
        defer { place.remove() }
        return try await body(place)
    }

    /// A warehouse of this kind no other test uses: a temporary SQLite file, or a fresh
    /// database on the suite's PostgreSQL server (the suite needs `.postgresServer`).
    func freshPlace() async throws -> WarehousePlace {
        switch self {
        case .sqlite:
            return .sqlite(FileManager.default.temporaryDirectory.appendingPathComponent("warehouse-\(UUID().uuidString).sqlite"))
        case .postgres:
            let server = try PostgresSuite.requireServer()
            let database = "warehouse_\(UUID().uuidString.prefix(8).lowercased())"
            try await server.createDatabase(database)
            return .postgres(server.url(database: database))
        }
    }
}
