import Logging
import NormalizerCore
import ServiceSupport

/// Opens the warehouse a normalizer configuration selects (`normalizer.warehouseKind`).
public enum NormalizerWarehouses {
    /// The SQLite file at `warehousePath` (resolved against `layout`) or the PostgreSQL
    /// database at `warehousePostgresURL`, with the configuration's busy timeout, record cache
    /// size, and (SQLite) page cache or (PostgreSQL) compression.
    /// - Throws: ``NormalizerCore/NormalizationError`` when the URL is invalid or the store
    ///   cannot be opened.
    @Sendable
    public static func open(
        _ configuration: NormalizerConfiguration, layout: ProjectLayout?, logger: Logger
    ) throws(NormalizationError) -> any NormalizerStore {
        switch configuration.warehouseKind {
        case .sqlite:
            return try SQLiteWarehouse(
                path: configuration.resolve(configuration.warehousePath, layout: layout).path, configuration: configuration)
        case .postgres:
            guard let url = configuration.warehousePostgresURL else {
                throw NormalizationError(
                    .invalidConfiguration, reason: "a PostgreSQL warehouse needs its URL", input: "normalizer.warehousePostgresURL")
            }
            let location = try PostgresLocation(url: url)
            logger.info("warehouse in PostgreSQL", metadata: ["warehouse": "\(location)"])
            return try PostgresWarehouse(
                location: location,
                busyTimeout: configuration.warehouseBusyTimeout,
                recordCacheSize: configuration.warehouseRecordCacheSize,
                compression: configuration.warehousePostgresCompression,
                logger: logger
            )
        }
    }
}
