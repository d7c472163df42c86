/// The last `capacity` numbers of a stream, in a ring: constant memory however long it runs.
public struct ValueWindow: Sendable, Equatable {
    /// The most values held.
    public let capacity: Int
    /// The values held, in ring order (not arrival order).
    public private(set) var values: [Double] = []
    private var next = 0

    /// An empty window.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds a value, evicting the oldest once full.
    public mutating func add(_ value: Double) {
        if values.count < capacity {
            values.append(value)
        } else {
            values[next] = value
            next = (next + 1) % capacity
        }
    }

    /// The number of values held.
    public var count: Int { values.count }

    /// The mean of the values held, 0 when empty.
    public var mean: Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    /// The median of the values held, 0 when empty.
    public var median: Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
