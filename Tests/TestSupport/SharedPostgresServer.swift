import ServiceSupport

/// One private PostgreSQL server for every user that runs at the same time (suites running in
/// parallel each create their own databases on it): started by the first, stopped — its files
/// removed — when the last is done. One `initdb` per test run instead of one per suite.
actor SharedPostgresServer {
    /// The test process's one.
    static let shared = SharedPostgresServer()

    private var users = 0
    private var server: Task<PostgresServer, any Error>?

    /// The running server, started if none runs; each call needs one ``release()``.
    func acquire() async throws -> PostgresServer {
        users += 1
        // A wide wait: under the whole suite's start on two cores, a server once took more than
        // the default 60 s to accept connections (it passes in seconds on its own).
        let starting = server ?? Task { try await PostgresServer.start(timeout: .seconds(180)) }
        server = starting
        do {
            return try await starting.value
        } catch {
            await release()
            throw error
        }
    }

    /// Stops the server once its last user released it.
    func release() async {
        users -= 1
        guard users == 0, let stopping = server else { return }
        server = nil
        await (try? stopping.value)?.stop()
    }
}
