/// The bin counts of the last `capacity` values of one feature: a ring of bin numbers plus the
/// running count per bin, so memory is `capacity` small integers plus the bins, however long
/// the stream runs.
public struct CountWindow: Sendable, Equatable {
    /// The most values the window holds.
    public let capacity: Int
    /// How many values of each bin the window holds.
    public private(set) var counts: [Int]
    private var ring: [UInt16]
    private var next = 0

    /// An empty window over `binCount` bins.
    public init(capacity: Int, binCount: Int) {
        self.capacity = max(1, capacity)
        counts = [Int](repeating: 0, count: binCount)
        ring = []
        ring.reserveCapacity(self.capacity)
    }

    /// The number of values held.
    public var count: Int { ring.count }

    /// Whether the window holds `capacity` values.
    public var isFull: Bool { ring.count == capacity }

    /// The number of values the window's storage holds, for the flat-memory check.
    public var storedValues: Int { ring.capacity + counts.count }

    /// Adds a value's bin, evicting the oldest once full.
    public mutating func add(bin: Int) {
        let bin = min(max(bin, 0), counts.count - 1)
        if ring.count < capacity {
            ring.append(UInt16(bin))
        } else {
            counts[Int(ring[next])] -= 1
            ring[next] = UInt16(bin)
            next = (next + 1) % capacity
        }
        counts[bin] += 1
    }
}
