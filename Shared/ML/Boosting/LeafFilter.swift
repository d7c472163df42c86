/// Selects one side of a final split from its parent's records, which were not moved.
struct LeafFilter: Sendable {
    let feature: Int
    let leftBins: BinSet
    /// Whether the leaf is the left child.
    let takesLeft: Bool
    /// Number of parent records to scan.
    let rangeCount: Int
    /// The index of the other child of the split among the tree's leaves.
    let sibling: Int

    @inline(__always)
    func admits(_ record: UnsafeRawPointer) -> Bool {
        leftBins.contains(record.load(fromByteOffset: feature, as: UInt8.self)) == takesLeft
    }
}
