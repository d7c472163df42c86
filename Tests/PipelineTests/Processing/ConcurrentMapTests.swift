import Pipeline
import Testing

@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 3, 500, 1001]) func givesMapsResultsInOrder(count: Int) {
        let values = Array(0..<count)
        #expect(values.concurrentMap { $0 * 3 + 1 } == values.map { $0 * 3 + 1 })
    }
}
