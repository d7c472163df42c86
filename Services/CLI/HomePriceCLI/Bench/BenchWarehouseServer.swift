import NormalizerCore
import ServiceSupport

/// The database server a benchmark's warehouse needs: none for a SQLite file; for PostgreSQL a
/// private server (`initdb` in a temporary folder, as the tests start theirs) with a fresh
/// database, stopped after the run.
enum BenchWarehouseServer {
    /// Runs `body` with the URL of a fresh PostgreSQL database when `kind` is `postgres`, else
    /// with `nil`; the server is stopped whether `body` returns or throws.
    static func run<Value>(_ kind: WarehouseKind, _ body: (_ postgresURL: String?) async throws -> Value) async throws -> Value {
        guard kind == .postgres else { return try await body(nil) }
        let server = try await PostgresServer.start()
        do {
            try await server.createDatabase("bench")
            let value = try await body(server.url(database: "bench"))
            _ = await server.stop()
            return value
        } catch {
            _ = await server.stop()
            throw error
        }
    }
}
