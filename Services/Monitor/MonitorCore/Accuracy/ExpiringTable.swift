/// A table of values by key with an event time each, bounded by age and by size: the state of
/// a stream join that must not grow with the stream.
///
/// Eviction is oldest first (by insertion, which is event-time order for each stream). The
/// insertion queue is compacted whenever stale entries (removed or replaced keys) make it
/// twice the table's limit, so memory stays proportional to ``maximumCount``.
struct ExpiringTable<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var time: Double
        var sequence: Int
    }

    /// The most entries kept.
    let maximumCount: Int
    private var entries: [String: Entry] = [:]
    private var queue: [(key: String, sequence: Int)] = []
    private var head = 0
    private var nextSequence = 0

    init(maximumCount: Int) {
        self.maximumCount = max(1, maximumCount)
    }

    /// The number of entries.
    var count: Int { entries.count }

    /// The number of slots the storage holds (entries plus queued keys), for the bounded-state check.
    var storedSlots: Int { entries.count + queue.count - head }

    /// The value of `key`.
    subscript(key: String) -> Value? { entries[key]?.value }

    /// Updates the value of `key` in place, keeping its age.
    mutating func update(_ key: String, _ change: (inout Value) -> Void) {
        guard var entry = entries[key] else { return }
        change(&entry.value)
        entries[key] = entry
    }

    /// Inserts or replaces `key` at event time `time` (seconds).
    mutating func insert(_ key: String, _ value: Value, time: Double) {
        entries[key] = Entry(value: value, time: time, sequence: nextSequence)
        queue.append((key, nextSequence))
        nextSequence += 1
        if queue.count - head > 2 * maximumCount { compact() }
    }

    /// Removes `key` and returns its value.
    @discardableResult
    mutating func remove(_ key: String) -> Value? {
        entries.removeValue(forKey: key)?.value
    }

    /// Removes entries older than `oldest` and, oldest first, those beyond ``maximumCount``.
    ///
    /// - Returns: The removed values, each with whether it was removed for its age (`true`)
    ///   or for the size limit (`false`).
    mutating func evict(olderThan oldest: Double) -> [(value: Value, expired: Bool)] {
        var evicted: [(Value, Bool)] = []
        while head < queue.count {
            let (key, sequence) = queue[head]
            guard let entry = entries[key], entry.sequence == sequence else {
                head += 1
                continue
            }
            let expired = entry.time < oldest
            guard expired || entries.count > maximumCount else { break }
            entries[key] = nil
            evicted.append((entry.value, expired))
            head += 1
        }
        if head > maximumCount { compact() }
        return evicted
    }

    private mutating func compact() {
        queue = queue[head...].filter { entries[$0.key]?.sequence == $0.sequence }
        head = 0
    }
}
