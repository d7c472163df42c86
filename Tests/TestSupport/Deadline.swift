/// Thrown by ``withDeadline(_:_:)`` when the body did not finish in time.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    /// What was being waited for.
    public let what: String
    public var description: String { "deadline exceeded waiting for \(what)" }
}

/// Runs `body`, failing with ``DeadlineExceeded`` if it takes longer than `timeout`.
/// Tests wait for the event they expect with a deadline, never a fixed sleep.
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
            throw DeadlineExceeded(what: what)
        }
        return value
    }
}
