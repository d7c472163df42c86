import Pipeline
import Testing

@Suite struct ConcurrentMapTests {
    /// Every count against every worker count, including counts that do not divide evenly
    /// (9 over 8 workers once sliced past the end).
    @Test(arguments: [1, 2, 3, 4, 8, 16]) func givesMapsResultsInOrder(workers: Int) {
        for count in [0, 1, 2, 3, 5, 9, 13, 17, 20, 25, 41, 500, 1001] {
            let values = Array(0..<count)
            #expect(values.concurrentMap(workers: workers) { $0 * 3 + 1 } == values.map { $0 * 3 + 1 }, "\(count) values")
        }
    }
}
