import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)` spread over `workers` threads (by default one per core) in contiguous
    /// chunks, in order.
    ///
    /// Blocks the calling thread until every chunk is done: call it off the cooperative pool
    /// (from a ``BlockingExecutor``). `transform` must be safe to run concurrently.
    public func concurrentMap<Result: Sendable>(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let workers = Swift.min(count, workers)
        guard workers > 1 else { return map(transform) }
        let chunks = Mutex([[Result]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { chunk in
            // Chunk boundaries by proportion, so every chunk lies inside the array.
            let results = self[(chunk * count / workers)..<((chunk + 1) * count / workers)].map(transform)
            chunks.withLock { $0[chunk] = results }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }
}
