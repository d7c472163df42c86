import Dispatch

/// Runs blocking work (SQLite, file IO, CPU-heavy training) on a dedicated serial dispatch
/// queue instead of the cooperative thread pool, and awaits its result.
public final class BlockingExecutor: Sendable {
    private let queue: DispatchQueue

    /// Creates an executor with its own serial queue named `label`.
    public init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` on the executor's queue; the awaiting task is suspended, not blocked.
    /// Work that has started runs to its end even if the task is cancelled.
    public func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Starts `work` on the executor's queue and returns at once, for work whose outcome the
    /// caller learns another way (a writer that resumes its waiting requests itself).
    public func execute(_ work: @escaping @Sendable () -> Void) {
        queue.async(execute: work)
    }
}
