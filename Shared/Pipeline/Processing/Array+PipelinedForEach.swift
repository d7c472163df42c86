import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Transforms the elements in order on a thread of its own while the calling thread
    /// consumes each result, in order, as soon as it is ready: a batch's independent first step
    /// (mapping records) overlapped with its serial second step (one transaction), each on a
    /// core, instead of one after the other.
    ///
    /// Blocks the calling thread: call it off the cooperative pool (from a
    /// ``BlockingExecutor``). When `consume` throws, the transforms not yet started are skipped
    /// and the error is rethrown. The transforming thread has stopped when the call returns.
    public func pipelinedForEach<Transformed: Sendable, Failure: Error>(
        _ transform: @escaping @Sendable (Element) -> Transformed,
        consume: (Transformed) throws(Failure) -> Void
    ) throws(Failure) {
        guard count > 1 else {
            for element in self { try consume(transform(element)) }
            return
        }
        let handoff = Handoff<Transformed>(count: count)
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
        defer { finished.wait() }
        do {
            for index in indices { try consume(handoff.take(at: index)) }
        } catch {
            handoff.stop()
            throw error
        }
    }
}

/// The results of ``Swift/Array/pipelinedForEach(_:consume:)`` passed from the transforming
/// thread to the consuming one: one condition-protected slot per element.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Value?]
    private var stopped = false

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    func put(_ value: Value, at index: Int) {
        condition.lock()
        slots[index] = value
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the value at `index` and takes it out.
    func take(at index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while slots[index] == nil { condition.wait() }
        defer { slots[index] = nil }
        return slots[index]!
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.unlock()
    }
}
