import Dispatch

/// Splits work across cores with `DispatchQueue.concurrentPerform`.
enum Parallel {
    /// Runs `body(chunk, range)` for contiguous ranges covering `0..<count`, in parallel.
    ///
    /// The ranges depend only on `count` and `chunkSize`, never on the number of
    /// cores, so results assembled per chunk are the same on any machine.
    static func forEachChunk(count: Int, chunkSize: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunks = (count + chunkSize - 1) / chunkSize
        if chunks == 1 {
            body(0, 0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            body(chunk, start..<min(count, start + chunkSize))
        }
    }

    /// Runs `body(i)` for every `i` in `0..<count`, in parallel when `count > 1`.
    static func forEach(count: Int, _ body: @Sendable (Int) -> Void) {
        if count == 1 {
            body(0)
        } else if count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}
