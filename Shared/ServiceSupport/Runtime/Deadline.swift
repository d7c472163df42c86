/// Thrown by ``withDeadline(_:waitingFor:_:)`` when the work did not finish in time.
public struct DeadlineExceeded: Error, Sendable, CustomStringConvertible {
    /// What was being waited for.
    public let what: String
    /// How long it was waited for.
    public let timeout: Duration

    /// The error of waiting `timeout` for `what` in vain.
    public init(what: String, timeout: Duration) {
        self.what = what
        self.timeout = timeout
    }

    public var description: String { "gave up after \(timeout) waiting for \(what)" }
}

/// Runs `body`, failing with ``DeadlineExceeded`` (and cancelling `body`) if it takes longer
/// than `timeout`. Benchmarks and tests wait for the event they expect with a deadline, never
/// a fixed sleep and never forever.
public func withDeadline<Value: Sendable>(
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
            throw DeadlineExceeded(what: what, timeout: timeout)
        }
        return value
    }
}
