import Foundation
import Logging
import NormalizerCore
import PostgresWarehouse
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("The warehouse a normalizer configuration selects", .postgresServer)
struct NormalizerWarehousesTests {
    private static let logger = Logger(label: "test")

    private static func configuration(_ environment: [String: String]) async throws -> NormalizerConfiguration {
        try NormalizerConfiguration(
            reader: await ConfigurationLoader.reader(layout: TestProject.layout, files: ["normalizer.yaml"], environment: environment))
    }

    @Test("warehouseKind postgres opens the database at warehousePostgresURL, and a second instance sees what the first stored")
    func opensThePostgresDatabase() async throws {
        let place = try await StoreKind.postgres.freshPlace()
        let configuration = try await Self.configuration(place.environment)
        let first = try NormalizerWarehouses.open(configuration, layout: TestProject.layout, logger: Self.logger)
        let second = try NormalizerWarehouses.open(configuration, layout: TestProject.layout, logger: Self.logger)
        #expect(first is PostgresWarehouse)
        let home = Home(id: "home-1", region: "US", address: Address(city: "Springfield", country: "US"), normalizedAt: SeedScenario.now)
        #expect(try first.upsert(home) == UpsertOutcome(.inserted, version: 1))
        var stored = home
        stored.version = 1
        #expect(try second.home(id: "home-1") == stored)
    }

    @Test("warehouseKind sqlite opens the file at warehousePath")
    func opensTheSQLiteFile() async throws {
        try await StoreKind.sqlite.withFreshPlace { place in
            let configuration = try await Self.configuration(place.environment)
            #expect(try NormalizerWarehouses.open(configuration, layout: TestProject.layout, logger: Self.logger) is SQLiteWarehouse)
            guard case .sqlite(let file) = place else { return }
            #expect(FileManager.default.fileExists(atPath: file.path))
        }
    }

    @Test("a server that does not answer is a storage error naming it, without the password")
    func unreachableServer() async throws {
        let url = "postgres://homeprice:secret@127.0.0.1:\(LocalPort.free())/warehouse"
        let configuration = try await Self.configuration([
            "NORMALIZER_WAREHOUSE_KIND": "postgres", "NORMALIZER_WAREHOUSE_POSTGRES_URL": url,
        ])
        #expect {
            try NormalizerWarehouses.open(configuration, layout: TestProject.layout, logger: Self.logger)
        } throws: { error in
            guard let error = error as? NormalizationError, let input = error.input else { return false }
            return error.code == .storageFailed && error.reason.contains("cannot connect") && input.contains("homeprice@127.0.0.1")
                && !input.contains("secret")
        }
    }

    @Test("a URL without a host, user or database is a configuration error, without the password")
    func invalidURL() {
        let urls = [
            "postgres://homeprice:secret@/warehouse", "postgres://db:5432/warehouse", "mysql://homeprice@db/warehouse",
            // Unparsable as URLs: the password must not come back as the input either.
            "postgres://homeprice:se cret@/warehouse", "postgres://homeprice:secret%zz@:x/warehouse",
        ]
        for url in urls {
            #expect {
                try PostgresLocation(url: url)
            } throws: { error in
                guard let error = error as? NormalizationError else { return false }
                return error.code == .invalidConfiguration && !(error.input ?? "").contains("secret")
            }
        }
        #expect((try? PostgresLocation(url: "postgres://homeprice:s%40cret@db/warehouse"))?.password == "s@cret")
        #expect((try? PostgresLocation(url: "postgres://homeprice@db/warehouse"))?.description == "postgres://homeprice@db:5432/warehouse")
    }
}
