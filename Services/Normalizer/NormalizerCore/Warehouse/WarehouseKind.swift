/// Which database holds the normalizer's warehouse and resolution state
/// (`normalizer.warehouseKind`).
public enum WarehouseKind: String, Sendable, CaseIterable {
    /// A SQLite file (`normalizer.warehousePath`): one machine, instances sharing the file.
    case sqlite
    /// A PostgreSQL database (`normalizer.warehousePostgresURL`): instances on any machine.
    case postgres
}
