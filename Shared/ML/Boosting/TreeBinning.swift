/// Evaluates a ``Tree`` on binned rows, for rows whose leaf is not known from the partition
/// (out-of-bag rows, and replaying trees when resuming from a checkpoint).
struct TreeBinning {
    /// For each internal node, the bins that go left.
    let leftBins: [BinSet]
    let tree: Tree

    /// Derives each node's left bins from its raw threshold or level set and the feature's bins.
    init(_ tree: Tree, mappers: [BinMapper]) {
        self.tree = tree
        leftBins = (0..<tree.internalNodeCount).map { node in
            let mapper = mappers[Int(tree.splitFeature[node])]
            let start = Int(tree.categoryStart[node])
            if start < 0 {
                return .prefix(through: Int(mapper.bin(tree.threshold[node])), missingLeft: tree.defaultLeft[node])
            }
            var set = BinSet()
            if tree.defaultLeft[node] { set.insert(0) }
            for code in 0..<mapper.levelBins.count where code >> 6 < Int(tree.categoryWordCount[node]) {
                if tree.categoryWords[start + (code >> 6)] & (1 << UInt64(code & 63)) != 0 {
                    set.insert(mapper.levelBins[code])
                }
            }
            return set
        }
    }

    /// Uses the left bins recorded while growing.
    init(_ tree: Tree, leftBins: [BinSet]) {
        self.tree = tree
        self.leftBins = leftBins
    }

    /// The leaf of the row whose bins start at `row`.
    @inline(__always)
    func leaf(row: UnsafePointer<UInt8>) -> Int {
        guard !leftBins.isEmpty else { return 0 }
        var node = 0
        while true {
            let child = leftBins[node].contains(row[Int(tree.splitFeature[node])]) ? tree.leftChild[node] : tree.rightChild[node]
            if child < 0 { return Int(~child) }
            node = Int(child)
        }
    }
}
