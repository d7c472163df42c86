import Foundation

/// The bin counts of one feature's values of the last `length` of event time, kept in
/// `slots` equal slices: memory is `slots × bins` counters however many values arrive.
///
/// A value older than the window (late data) is ignored; a value newer than the newest slice
/// moves the window forward and clears the slices that fell out.
public struct TimeWindow: Sendable, Equatable {
    /// The span of event time covered.
    public let length: TimeInterval
    private let slotLength: TimeInterval
    private var slotCounts: [[Int]]
    /// The index (event time ÷ slot length) of the newest slice, once a value arrived.
    private var newestSlot: Int?

    /// An empty window of `length` seconds in `slots` slices over `binCount` bins.
    public init(length: TimeInterval, slots: Int, binCount: Int) {
        self.length = length
        let slots = max(1, slots)
        slotLength = length / Double(slots)
        slotCounts = [[Int]](repeating: [Int](repeating: 0, count: binCount), count: slots)
    }

    /// How many values of each bin the window holds.
    public var counts: [Int] {
        slotCounts.dropFirst().reduce(into: slotCounts[0]) { sum, slot in
            for index in sum.indices { sum[index] += slot[index] }
        }
    }

    /// The number of values held.
    public var count: Int { slotCounts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The number of counters the window's storage holds, for the flat-memory check.
    public var storedValues: Int { slotCounts.count * (slotCounts.first?.count ?? 0) }

    /// Adds a value's bin observed at `time`.
    public mutating func add(bin: Int, at time: Date) {
        let slot = Int((time.timeIntervalSince1970 / slotLength).rounded(.down))
        let slots = slotCounts.count
        if let newest = newestSlot {
            if slot <= newest - slots { return }
            if slot > newest {
                for cleared in (newest + 1)...min(slot, newest + slots) {
                    slotCounts[Self.position(cleared, slots)] = [Int](repeating: 0, count: slotCounts[0].count)
                }
                newestSlot = slot
            }
        } else {
            newestSlot = slot
        }
        let bin = min(max(bin, 0), slotCounts[0].count - 1)
        slotCounts[Self.position(slot, slots)][bin] += 1
    }

    private static func position(_ slot: Int, _ slots: Int) -> Int {
        ((slot % slots) + slots) % slots
    }
}
