import NormalizerCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Normalizer configuration")
struct NormalizerConfigurationTests {
    @Test("reads the warehouse busy timeout from configs/normalizer.yaml")
    func readsWarehouseBusyTimeout() async throws {
        let configuration = try await NormalizerConfiguration.load(layout: TestProject.layout)
        #expect(configuration.warehouseBusyTimeout == .milliseconds(30_000))
    }

    @Test("the configured warehouse lives in the state folder, so HOMEPRICE_STATE_DIR gives each cluster its own")
    func warehouseFollowsTheStateFolder() async throws {
        let configuration = try await NormalizerConfiguration.load(layout: TestProject.layout)
        let first = configuration.resolve(
            configuration.warehousePath, layout: TestProject.layout, environment: ["HOMEPRICE_STATE_DIR": "/tmp/a"])
        let second = configuration.resolve(
            configuration.warehousePath, layout: TestProject.layout, environment: ["HOMEPRICE_STATE_DIR": "/tmp/b"])
        #expect(first.path == "/tmp/a/warehouse.sqlite")
        #expect(second.path == "/tmp/b/warehouse.sqlite")
    }
}

@Suite("Normalizer configuration of the warehouse kind")
struct WarehouseKindConfigurationTests {
    private static func configuration(_ environment: [String: String]) async throws -> NormalizerConfiguration {
        try NormalizerConfiguration(
            reader: await ConfigurationLoader.reader(layout: TestProject.layout, files: ["normalizer.yaml"], environment: environment))
    }

    @Test("the project's warehouse is SQLite; NORMALIZER_WAREHOUSE_KIND and NORMALIZER_WAREHOUSE_POSTGRES_URL select PostgreSQL")
    func kindAndURLFromTheEnvironment() async throws {
        #expect(try await Self.configuration([:]).warehouseKind == .sqlite)
        let postgres = try await Self.configuration([
            "NORMALIZER_WAREHOUSE_KIND": "postgres", "NORMALIZER_WAREHOUSE_POSTGRES_URL": "postgres://homeprice@db:5432/warehouse",
        ])
        #expect(postgres.warehouseKind == .postgres)
        #expect(postgres.warehousePostgresURL == "postgres://homeprice@db:5432/warehouse")
    }

    @Test(
        "the SQLite page cache comes from warehousePageCacheMB, NORMALIZER_WAREHOUSE_PAGE_CACHE_MB overrides it, a negative one names the key"
    )
    func pageCache() async throws {
        #expect(try await Self.configuration([:]).warehousePageCacheMB == 64)
        #expect(try await Self.configuration(["NORMALIZER_WAREHOUSE_PAGE_CACHE_MB": "8"]).warehousePageCacheMB == 8)
        await #expect {
            try await Self.configuration(["NORMALIZER_WAREHOUSE_PAGE_CACHE_MB": "0"])
        } throws: { error in
            (error as? NormalizationError)?.input == "warehousePageCacheMB"
        }
    }

    @Test(
        "the SQLite log's checkpoint limit comes from warehouseCheckpointLimitMB, NORMALIZER_WAREHOUSE_CHECKPOINT_LIMIT_MB overrides it, a fraction names the key"
    )
    func checkpointLimit() async throws {
        #expect(try await Self.configuration([:]).warehouseCheckpointLimitMB == 64)
        #expect(try await Self.configuration(["NORMALIZER_WAREHOUSE_CHECKPOINT_LIMIT_MB": "16"]).warehouseCheckpointLimitMB == 16)
        await #expect {
            try await Self.configuration(["NORMALIZER_WAREHOUSE_CHECKPOINT_LIMIT_MB": "1.5"])
        } throws: { error in
            (error as? NormalizationError)?.input == "warehouseCheckpointLimitMB"
        }
    }

    @Test(
        "a commit asks for a background checkpoint past warehouseCheckpointBackgroundMB, NORMALIZER_WAREHOUSE_CHECKPOINT_BACKGROUND_MB overrides it, one above the limit names the key"
    )
    func checkpointBackground() async throws {
        #expect(try await Self.configuration([:]).warehouseCheckpointBackgroundMB == 1)
        #expect(try await Self.configuration(["NORMALIZER_WAREHOUSE_CHECKPOINT_BACKGROUND_MB": "4"]).warehouseCheckpointBackgroundMB == 4)
        await #expect {
            try await Self.configuration([
                "NORMALIZER_WAREHOUSE_CHECKPOINT_BACKGROUND_MB": "32", "NORMALIZER_WAREHOUSE_CHECKPOINT_LIMIT_MB": "16",
            ])
        } throws: { error in
            let error = error as? NormalizationError
            return error?.input == "warehouseCheckpointBackgroundMB" && error?.reason.contains("warehouseCheckpointLimitMB (16)") == true
        }
    }

    @Test("a PostgreSQL warehouse compresses with lz4 unless warehousePostgresCompression says pglz; another value names the key")
    func postgresCompression() async throws {
        #expect(try await Self.configuration([:]).warehousePostgresCompression == .lz4)
        #expect(
            try await Self.configuration(["NORMALIZER_WAREHOUSE_POSTGRES_COMPRESSION": "pglz"]).warehousePostgresCompression == .pglz)
        await #expect {
            try await Self.configuration(["NORMALIZER_WAREHOUSE_POSTGRES_COMPRESSION": "zstd"])
        } throws: { error in
            (error as? NormalizationError)?.input == "warehousePostgresCompression"
        }
    }

    @Test("a PostgreSQL warehouse without its URL, or an unknown kind, is an error naming the key")
    func invalidKindsNameTheirKey() async throws {
        await #expect {
            try await Self.configuration(["NORMALIZER_WAREHOUSE_KIND": "postgres"])
        } throws: { error in
            (error as? NormalizationError)?.input == "warehousePostgresURL"
        }
        await #expect {
            try await Self.configuration(["NORMALIZER_WAREHOUSE_KIND": "mysql"])
        } throws: { error in
            (error as? NormalizationError).map { $0.input == "warehouseKind" && $0.reason.contains("mysql") } ?? false
        }
    }
}
