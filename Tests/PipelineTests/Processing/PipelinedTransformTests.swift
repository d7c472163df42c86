import Dispatch
import Pipeline
import Synchronization
import Testing

@Suite struct PipelinedTransformTests {
    private struct Stop: Error {}

    @Test("every element is transformed and consumed once, in order, and the body's value is returned")
    func consumesInOrder() {
        for count in [0, 1, 2, 3, 17, 1_000] {
            let (consumed, again) = Array(0..<count).withPipelinedTransform({ $0 * 3 + 1 }) { results in
                (results.map { $0 }, results.next())
            }
            #expect(consumed == (0..<count).map { $0 * 3 + 1 }, "\(count) elements")
            #expect(again == nil, "every result is taken once")
        }
    }

    @Test("the transforms run ahead of the consumer, and the consumer does not wait for all of them")
    func overlaps() {
        let secondTransformed = DispatchSemaphore(value: 0)
        let firstConsumed = DispatchSemaphore(value: 0)
        var consumerWaitedOut = false
        let transformWaitedOut = Mutex(false)
        _ = Array(0..<3).withPipelinedTransform({ value -> Int in
            if value == 1 { secondTransformed.signal() }
            // Transforming everything before consuming anything would wait here in vain.
            if value == 2, firstConsumed.wait(timeout: .now() + .seconds(30)) == .timedOut {
                transformWaitedOut.withLock { $0 = true }
            }
            return value
        }) { results in
            results.map { value in
                // Transforming one element after consuming the one before would wait here in vain.
                if value == 0 {
                    consumerWaitedOut = secondTransformed.wait(timeout: .now() + .seconds(30)) == .timedOut
                    firstConsumed.signal()
                }
            }
        }
        #expect(!consumerWaitedOut, "the second element was transformed while the first was consumed")
        #expect(!transformWaitedOut.withLock { $0 }, "the first element was consumed before the last was transformed")
    }

    @Test("the transforms start before the body takes a result, so they go on while it waits for something else")
    func transformsWhileTheBodyWaits() {
        let count = 5
        let allTransformed = DispatchSemaphore(value: 0)
        let transformed = Mutex(0)
        let consumed = Array(0..<count).withPipelinedTransform({ value -> Int in
            if transformed.withLock({
                $0 += 1; return $0
            }) == count {
                allTransformed.signal()
            }
            return value
        }) { results -> [Int] in
            // A body waiting for a lock another instance holds, released only once every
            // element was transformed: transforms that waited for the body would wait in vain.
            #expect(
                allTransformed.wait(timeout: .now() + .seconds(30)) == .success, "every element was transformed before the body took one")
            return results.map { $0 }
        }
        #expect(consumed == Array(0..<count))
    }

    @Test("an error from the body ends the run there, stops the transforms and is rethrown")
    func errorStops() {
        let count = 1_000_000
        var consumed: [Int] = []
        let transformed = Mutex(0)
        #expect(throws: Stop.self) {
            try Array(0..<count).withPipelinedTransform({ value -> Int in
                transformed.withLock { $0 += 1 }
                return value
            }) { (results) throws(Stop) in
                try results.map { (value: Int) throws(Stop) in
                    consumed.append(value)
                    if value == 1 { throw Stop() }
                }
            }
        }
        #expect(consumed == [0, 1])
        // The transforming thread has stopped when the call returns, soon after the error: far
        // short of the million elements it would otherwise have gone through.
        #expect(transformed.withLock { $0 } < count)
    }

    @Test("a body that returns before taking every result stops the transforms")
    func earlyReturnStops() {
        let count = 1_000_000
        let transformed = Mutex(0)
        let first = Array(0..<count).withPipelinedTransform({ value -> Int in
            transformed.withLock { $0 += 1 }
            return value
        }) { results in results.next() }
        #expect(first == 0)
        #expect(transformed.withLock { $0 } < count)
    }
}
