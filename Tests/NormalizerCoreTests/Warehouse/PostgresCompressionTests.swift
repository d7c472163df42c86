import Foundation
import Logging
import Schema
import TestSupport
import Testing

@testable import NormalizerCore
@testable import PostgresWarehouse

@Suite("How a PostgreSQL warehouse compresses what it stores", .postgresServer)
struct PostgresCompressionTests {
    @Test("a home's body is stored compressed with the configured method", arguments: PostgresCompression.allCases)
    func storesWithConfiguredCompression(compression: PostgresCompression) async throws {
        try await StoreKind.postgres.withFreshPlace { place in
            guard case .postgres(let url) = place else { throw WarehousePlaceMismatch() }
            let location = try PostgresLocation(url: url)
            let warehouse = try PostgresWarehouse(location: location, busyTimeout: .seconds(5), compression: compression)
            // A body of several kilobytes: PostgreSQL compresses values only in rows past 2 KB.
            let street = String(repeating: "Long Meadow Lane ", count: 300)
            let home = Home(
                id: "home-1", region: "US", address: Address(street: street, city: "Springfield", country: "US"),
                normalizedAt: SeedScenario.now)
            _ = try warehouse.upsert(home)
            #expect(try warehouse.home(id: "home-1")?.address.street == street)
            let stored = try PostgresSession(location: location, lockTimeout: .seconds(5), logger: Logger(label: "homeprice.tests"))
                .rows("SELECT pg_column_compression(body) FROM homes") { try $0.decode(String?.self) }
            #expect(stored == [compression.rawValue])
        }
    }

    private struct WarehousePlaceMismatch: Error {}
}
