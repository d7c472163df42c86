/// Bounds every wait of a benchmark, so a stage that stalls fails with a clear error instead of
/// hanging the command.
enum BenchmarkDeadline {
    /// Thrown when a wait of a benchmark did not finish in time.
    struct Exceeded: Error, CustomStringConvertible {
        /// What was being waited for.
        let what: String
        /// How long it was waited for.
        let timeout: Duration

        var description: String { "bench: gave up after \(timeout) waiting for \(what)" }
    }

    /// Runs `body`, failing with ``Exceeded`` (and cancelling `body`) if it takes longer
    /// than `timeout`.
    static func run<Value: Sendable>(
        _ timeout: Duration,
        waitingFor what: String,
        _ body: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw Exceeded(what: what, timeout: timeout)
            }
            return value
        }
    }
}
