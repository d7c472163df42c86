import Dispatch
import Pipeline
import Synchronization
import Testing

@Suite struct PipelinedForEachTests {
    private struct Stop: Error {}

    @Test("every element is transformed and consumed once, in order")
    func consumesInOrder() {
        for count in [0, 1, 2, 3, 17, 1_000] {
            var consumed: [Int] = []
            Array(0..<count).pipelinedForEach({ $0 * 3 + 1 }) { consumed.append($0) }
            #expect(consumed == (0..<count).map { $0 * 3 + 1 }, "\(count) elements")
        }
    }

    @Test("the transforms run ahead of the consumer, and the consumer does not wait for all of them")
    func overlaps() {
        let secondTransformed = DispatchSemaphore(value: 0)
        let firstConsumed = DispatchSemaphore(value: 0)
        var consumerWaitedOut = false
        let transformWaitedOut = Mutex(false)
        Array(0..<3).pipelinedForEach({ value -> Int in
            if value == 1 { secondTransformed.signal() }
            // Transforming everything before consuming anything would wait here in vain.
            if value == 2, firstConsumed.wait(timeout: .now() + .seconds(30)) == .timedOut {
                transformWaitedOut.withLock { $0 = true }
            }
            return value
        }) { value in
            // Transforming one element after consuming the one before would wait here in vain.
            if value == 0 {
                consumerWaitedOut = secondTransformed.wait(timeout: .now() + .seconds(30)) == .timedOut
                firstConsumed.signal()
            }
        }
        #expect(!consumerWaitedOut, "the second element was transformed while the first was consumed")
        #expect(!transformWaitedOut.withLock { $0 }, "the first element was consumed before the last was transformed")
    }

    @Test("an error from the consumer ends the run there, stops the transforms and is rethrown")
    func errorStops() {
        let count = 1_000_000
        var consumed: [Int] = []
        let transformed = Mutex(0)
        #expect(throws: Stop.self) {
            try Array(0..<count).pipelinedForEach({ value -> Int in
                transformed.withLock { $0 += 1 }
                return value
            }) { (value: Int) throws(Stop) in
                consumed.append(value)
                if value == 1 { throw Stop() }
            }
        }
        #expect(consumed == [0, 1])
        // The transforming thread has stopped when the call returns, soon after the error: far
        // short of the million elements it would otherwise have gone through.
        #expect(transformed.withLock { $0 } < count)
    }
}
