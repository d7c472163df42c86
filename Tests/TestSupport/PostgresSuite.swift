import ServiceSupport
import Testing

/// A suite trait that gives the whole suite a private PostgreSQL server
/// (``TestProject/withPostgres(_:)``: shared with the suites running beside it, stopped after
/// the last); its tests create their own databases on it.
public struct PostgresSuite: SuiteTrait, TestScoping {
    /// The server of the suite running now.
    @TaskLocal public static var server: PostgresServer?

    public var isRecursive: Bool { false }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await TestProject.withPostgres { server in
            try await Self.$server.withValue(server, operation: function)
        }
    }

    /// The suite's server, or a recorded failure when the suite lacks the trait.
    public static func requireServer() throws -> PostgresServer {
        try #require(server, "the suite needs the .postgresServer trait")
    }
}

extension Trait where Self == PostgresSuite {
    /// One private PostgreSQL server for the suite (``PostgresSuite``).
    public static var postgresServer: Self { PostgresSuite() }
}
