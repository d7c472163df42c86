import Foundation
import MonitorCore
import Testing

@Suite("Sliding windows")
struct WindowTests {
    @Test("a count window holds the last values only and its storage does not grow")
    func countWindow() {
        var window = CountWindow(capacity: 3, binCount: 4)
        for bin in [1, 1, 2] { window.add(bin: bin) }
        #expect(window.counts == [0, 2, 1, 0])
        let storage = window.storedValues
        for bin in [3, 3, 3, 3, 3] { window.add(bin: bin) }
        #expect(window.counts == [0, 0, 0, 3])
        #expect(window.isFull && window.count == 3)
        for _ in 0..<10_000 { window.add(bin: 2) }
        #expect(window.storedValues == storage)
        #expect(window.counts == [0, 0, 3, 0])
    }

    @Test("a time window forgets values older than its span and ignores late ones")
    func timeWindow() {
        let start = Date(timeIntervalSince1970: 3_600 * 1_000)
        var window = TimeWindow(length: 3_600, slots: 4, binCount: 3)
        window.add(bin: 1, at: start)
        window.add(bin: 2, at: start.addingTimeInterval(1_000))
        #expect(window.counts == [0, 1, 1])
        window.add(bin: 0, at: start.addingTimeInterval(3_700))
        #expect(window.counts == [1, 0, 1], "the first slice fell out of the hour")
        window.add(bin: 1, at: start)
        #expect(window.counts == [1, 0, 1], "a value older than the window is ignored")
        window.add(bin: 2, at: start.addingTimeInterval(100_000))
        #expect(window.counts == [0, 0, 1], "a jump past the span clears everything before")
        let storage = window.storedValues
        for minute in 0..<10_000 { window.add(bin: 1, at: start.addingTimeInterval(100_000 + Double(minute) * 60)) }
        #expect(window.storedValues == storage)
    }

    @Test("bin groups merge the engine's fine bins into groups of similar mass, the missing bin alone")
    func binGroups() {
        let reference = [7] + [Int](repeating: 10, count: 200)
        let groups = BinGroups(reference: reference, kind: .numeric, target: 10)
        #expect(groups.groupOfBin[0] == 0)
        #expect(groups.count == 10)
        let sizes = groups.grouped(reference).dropFirst()
        #expect(sizes.allSatisfy { $0 >= 150 && $0 <= 300 }, "\(sizes)")
        #expect(groups.groupOfBin == groups.groupOfBin.sorted(), "numeric groups are contiguous")
    }

    @Test("categorical bin groups keep the frequent levels apart and pool the rare ones")
    func categoricalBinGroups() {
        let groups = BinGroups(reference: [0, 500, 3, 300, 2, 1, 100], kind: .categorical, target: 5)
        #expect(groups.grouped([0, 500, 3, 300, 2, 1, 100]) == [0, 500, 300, 100, 6])
    }
}
