import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Starts transforming the elements, in order, on a thread of its own, then runs `body`,
    /// which takes the results in order, each as soon as it is ready: a batch's independent
    /// first step (mapping records) overlapped with its serial second step (one transaction),
    /// each on a core, and with whatever `body` waits for before it takes the first result (a
    /// warehouse's write lock held by another instance), instead of one after the other.
    ///
    /// Blocks the calling thread: call it off the cooperative pool (from a
    /// ``BlockingExecutor``). When `body` returns or throws, the transforms not yet started are
    /// skipped; the transforming thread has stopped when the call returns. `results` must not
    /// be used after `body` returns.
    public func withPipelinedTransform<Transformed: Sendable, Value, Failure: Error>(
        _ transform: @escaping @Sendable (Element) -> Transformed,
        _ body: (_ results: PipelinedResults<Transformed>) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let handoff = PipelinedResults<Transformed>.Handoff(count: count)
        guard !isEmpty else { return try body(PipelinedResults(handoff: handoff)) }
        let elements = self
        let finished = DispatchSemaphore(value: 0)
        // A thread of its own: a pool's thread could be busy elsewhere while the consumer waits.
        Thread.detachNewThread {
            defer { finished.signal() }
            for index in elements.indices {
                guard !handoff.isStopped else { return }
                handoff.put(transform(elements[index]), at: index)
            }
        }
        defer {
            handoff.stop()
            finished.wait()
        }
        return try body(PipelinedResults(handoff: handoff))
    }
}

/// The results of ``Swift/Array/withPipelinedTransform(_:_:)``, taken in the elements' order,
/// each once.
public struct PipelinedResults<Value: Sendable> {
    fileprivate let handoff: Handoff

    /// Waits for the next result and takes it; `nil` once every result was taken.
    public func next() -> Value? {
        handoff.next()
    }

    /// Calls `consume` with every result not yet taken, in order, as each becomes ready, and
    /// returns what it made of them; stops at the first error and rethrows it.
    public func map<Consumed, Failure: Error>(_ consume: (Value) throws(Failure) -> Consumed) throws(Failure) -> [Consumed] {
        var consumed: [Consumed] = []
        consumed.reserveCapacity(handoff.remaining)
        while let value = next() { consumed.append(try consume(value)) }
        return consumed
    }

    /// The results passed from the transforming thread to the consuming one: one
    /// condition-protected slot per element.
    fileprivate final class Handoff: @unchecked Sendable {
        private let condition = NSCondition()
        private var slots: [Value?]
        private var nextIndex = 0
        private var stopped = false

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        var isStopped: Bool {
            condition.lock()
            defer { condition.unlock() }
            return stopped
        }

        /// How many results are still to be taken.
        var remaining: Int {
            condition.lock()
            defer { condition.unlock() }
            return slots.count - nextIndex
        }

        func put(_ value: Value, at index: Int) {
            condition.lock()
            slots[index] = value
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the value at the next index and takes it out; `nil` at the end or once
        /// stopped.
        func next() -> Value? {
            condition.lock()
            defer { condition.unlock() }
            guard !stopped, nextIndex < slots.count else { return nil }
            while slots[nextIndex] == nil { condition.wait() }
            defer {
                slots[nextIndex] = nil
                nextIndex += 1
            }
            return slots[nextIndex]
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.unlock()
        }
    }
}
