import Dispatch
import Pipeline
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

    @Test("the next element is transformed while the current one is consumed")
    func transformsAhead() {
        let secondTransformed = DispatchSemaphore(value: 0)
        var waitedOut = false
        Array(0..<3).pipelinedForEach({ value -> Int in
            if value == 1 { secondTransformed.signal() }
            return value
        }) { value in
            // Run one after the other, the second transform would wait for this consume.
            if value == 0 { waitedOut = secondTransformed.wait(timeout: .now() + .seconds(30)) == .timedOut }
        }
        #expect(!waitedOut)
    }

    @Test("an error from the consumer ends the run there and is rethrown")
    func errorStops() {
        var consumed: [Int] = []
        #expect(throws: Stop.self) {
            try Array(0..<10_000).pipelinedForEach({ $0 }) { (value: Int) throws(Stop) in
                consumed.append(value)
                if value == 1 { throw Stop() }
            }
        }
        #expect(consumed == [0, 1])
    }
}
