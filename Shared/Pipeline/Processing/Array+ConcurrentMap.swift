import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)` spread over the machine's cores in contiguous chunks, in order.
    ///
    /// Blocks the calling thread until every chunk is done: call it off the cooperative pool
    /// (from a ``BlockingExecutor``). `transform` must be safe to run concurrently.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return map(transform) }
        let chunkSize = (count + workers - 1) / workers
        let chunks = Mutex([[Result]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { chunk in
            let start = chunk * chunkSize
            let results = self[start..<Swift.min(count, start + chunkSize)].map(transform)
            chunks.withLock { $0[chunk] = results }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }
}
