import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension URLSession {
    /// Loads `request` and returns its body and response, as `data(for:)` does, and stays safe to
    /// cancel on Linux: a cancelled caller gets `URLError.cancelled` at once.
    ///
    /// swift-corelibs-foundation (Swift 6.3) has two faults on this path, both seen here:
    /// - `data(for:)` cancels its `URLSessionTask` from inside the awaiting task's cancellation,
    ///   under that task's status lock, and waits for the session's work queue there; a
    ///   completion handled on that queue at the same moment waits for the same status lock to
    ///   resume the task: both wait forever (swift-corelibs-foundation #5412, fixed upstream by
    ///   #5417 and still seen with Swift 6.3.1);
    /// - `URLSessionTask.cancel()` racing the task's own completion may report the cancellation
    ///   after the session has forgotten the task, which stops the process ("Trying to access a
    ///   behaviour for a task that in not in the registry").
    ///
    /// So the caller's cancellation only ends the wait and never touches the `URLSessionTask`: a
    /// request already started is left to finish or to fail in the background (on an idle
    /// connection, after the session's `timeoutIntervalForRequest` or the request's own; a slowly
    /// trickling answer can last longer), and its answer is dropped. A call made when its task is
    /// cancelled already sends nothing.
    public func cancellableData(for request: URLRequest) async throws -> (Data, URLResponse) {
        let pending = PendingAnswer()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard pending.await(with: continuation) else { return }
                dataTask(with: request) { data, response, error in
                    if let error {
                        pending.finish(.failure(error))
                    } else if let response {
                        pending.finish(.success((data ?? Data(), response)))
                    } else {
                        pending.finish(.failure(URLError(.badServerResponse)))
                    }
                }
                .resume()
            }
        } onCancel: {
            pending.finish(.failure(URLError(.cancelled)))
        }
    }

    /// Loads `url` with a GET; see ``cancellableData(for:)``.
    public func cancellableData(from url: URL) async throws -> (Data, URLResponse) {
        try await cancellableData(for: URLRequest(url: url))
    }
}

/// The answer one ``Foundation/URLSession/cancellableData(for:)`` call waits for: the first of
/// the response and the caller's cancellation resumes the caller, the other is dropped.
private final class PendingAnswer: Sendable {
    typealias Answer = Result<(Data, URLResponse), any Error>

    private struct State {
        var continuation: CheckedContinuation<(Data, URLResponse), any Error>?
        var finished = false
    }

    private let state = Mutex(State())

    /// Keeps `continuation` for the answer and returns true, or resumes it with
    /// `URLError.cancelled` and returns false when the caller was cancelled already.
    func await(with continuation: CheckedContinuation<(Data, URLResponse), any Error>) -> Bool {
        let finished = state.withLock { state in
            if !state.finished { state.continuation = continuation }
            return state.finished
        }
        if finished { continuation.resume(throwing: URLError(.cancelled)) }
        return !finished
    }

    /// Resumes the caller with `answer` unless it was resumed already.
    func finish(_ answer: Answer) {
        let continuation = state.withLock { state in
            state.finished = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: answer)
    }
}
