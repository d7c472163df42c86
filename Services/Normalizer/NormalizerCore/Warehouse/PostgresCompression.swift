/// How a PostgreSQL warehouse compresses the large values it stores (a home's body, a mapped
/// record), `normalizer.warehousePostgresCompression`: PostgreSQL's `default_toast_compression`
/// for the warehouse's connections.
public enum PostgresCompression: String, Sendable, CaseIterable {
    /// LZ4: several times faster to compress than `pglz`, about the same size for JSON; needs a
    /// server built with it (Debian's and the `postgres` images since version 14 are).
    case lz4
    /// PostgreSQL's own compression, in every build.
    case pglz
}
