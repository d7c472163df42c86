/// One regression tree, stored as flat arrays (the layout of the model file).
///
/// Internal node `i` splits on `splitFeature[i]`. A numeric split sends a value
/// `v` left when `v <= threshold[i]`; a categorical split sends level code `c`
/// left when bit `c` is set in the node's words of ``categoryWords`` (starting
/// at `categoryStart[i]`, `categoryWordCount[i]` words). A missing value, or a
/// level code unknown to the model, goes left when `defaultLeft[i]`. A child
/// index `>= 0` is an internal node, a negative one is the leaf `~child`.
/// A tree with no internal node is the single leaf 0.
public struct Tree: Sendable, Equatable {
    public var splitFeature: [Int32] = []
    public var threshold: [Double] = []
    public var defaultLeft: [Bool] = []
    /// -1 for numeric splits.
    public var categoryStart: [Int32] = []
    public var categoryWordCount: [Int32] = []
    public var leftChild: [Int32] = []
    public var rightChild: [Int32] = []
    /// Gain of each split (for importance).
    public var splitGain: [Double] = []
    /// Training rows that reached each internal node (for SHAP).
    public var internalCount: [Double] = []
    /// Output of each leaf, learning rate included.
    public var leafValue: [Double] = []
    /// Training rows in each leaf.
    public var leafCount: [Double] = []
    /// The bit sets of categorical splits.
    public var categoryWords: [UInt64] = []

    public init() {}

    /// Number of internal nodes.
    public var internalNodeCount: Int { splitFeature.count }

    /// Whether a raw value takes the left branch at internal node `node`.
    @inline(__always)
    func goesLeft(node: Int, value: Double, levelCount: Int) -> Bool {
        if value.isNaN { return defaultLeft[node] }
        let start = Int(categoryStart[node])
        if start < 0 { return value <= threshold[node] }
        guard let code = Int(exactly: value), code >= 0, code < levelCount else { return defaultLeft[node] }
        let word = code >> 6
        guard word < Int(categoryWordCount[node]) else { return false }
        return categoryWords[start + word] & (1 << UInt64(code & 63)) != 0
    }

    /// The leaf reached by a row whose value of feature `f` is `value(f)`.
    @inline(__always)
    func leaf(levelCounts: [Int], value: (Int) -> Double) -> Int {
        guard !splitFeature.isEmpty else { return 0 }
        var node = 0
        while true {
            let f = Int(splitFeature[node])
            let child = goesLeft(node: node, value: value(f), levelCount: levelCounts[f]) ? leftChild[node] : rightChild[node]
            if child < 0 { return Int(~child) }
            node = Int(child)
        }
    }
}
