/// Fast prediction with a tree ensemble flattened into one array of 16-byte nodes.
///
/// The two children of a node are adjacent (`child`, `child + 1`), so a step
/// down the tree is one load and one comparison. Single-row prediction
/// allocates nothing; batch prediction splits rows across cores.
public struct ForestPredictor: Sendable {
    /// One node: a split (feature ≥ 0) or a leaf (feature = -1, `value` is its output).
    struct Node: Sendable {
        /// Numeric split: the threshold; categorical split: offset of its bit set in `words`; leaf: the output.
        var value: Double
        /// Index of the left child; the right child follows it.
        var child: Int32
        var feature: Int16
        /// Bit 0: missing goes left. Bit 1: categorical split.
        var flags: UInt8
    }

    private let nodes: [Node]
    private let roots: [Int32]
    private let words: [UInt64]
    private let levelCounts: [Int]
    /// The constant added to every prediction.
    public let initScore: Double
    /// The number of features a row must have.
    public let featureCount: Int

    /// Flattens the trees of a model.
    public init(_ model: GBMModel) {
        self.init(trees: model.trees, initScore: model.initScore, features: model.features)
    }

    /// Flattens the given trees.
    public init(trees: [Tree], initScore: Double, features: [FeatureInfo]) {
        var nodes: [Node] = []
        var roots: [Int32] = []
        var words: [UInt64] = []
        for tree in trees {
            let wordBase = words.count
            words.append(contentsOf: tree.categoryWords)
            roots.append(Int32(nodes.count))
            nodes.append(Node(value: 0, child: 0, feature: -1, flags: 0))
            // (slot in `nodes`, tree child reference) pairs still to place.
            var pending: [(Int, Int32)] = [(nodes.count - 1, tree.splitFeature.isEmpty ? ~0 : 0)]
            while let (slot, reference) = pending.popLast() {
                if reference < 0 {
                    nodes[slot] = Node(value: tree.leafValue[Int(~reference)], child: 0, feature: -1, flags: 0)
                    continue
                }
                let n = Int(reference)
                let categorical = tree.categoryStart[n] >= 0
                let child = Int32(nodes.count)
                nodes.append(Node(value: 0, child: 0, feature: -1, flags: 0))
                nodes.append(Node(value: 0, child: 0, feature: -1, flags: 0))
                nodes[slot] = Node(
                    value: categorical ? Double(wordBase + Int(tree.categoryStart[n])) : tree.threshold[n],
                    child: child, feature: Int16(tree.splitFeature[n]),
                    flags: (tree.defaultLeft[n] ? 1 : 0) | (categorical ? 2 : 0))
                pending.append((Int(child) + 1, tree.rightChild[n]))
                pending.append((Int(child), tree.leftChild[n]))
            }
        }
        self.nodes = nodes
        self.roots = roots
        self.words = words
        self.levelCounts = features.map(\.levels.count)
        self.initScore = initScore
        self.featureCount = features.count
    }

    /// The number of trees.
    public var treeCount: Int { roots.count }

    /// Predicts one row given as a contiguous buffer of `featureCount` values.
    ///
    /// Four trees are walked in step, so that their chains of dependent loads overlap.
    @inline(__always)
    public func predict(row x: UnsafePointer<Double>) -> Double {
        nodes.withUnsafeBufferPointer { nodeBuffer in
            words.withUnsafeBufferPointer { wordBuffer in
                levelCounts.withUnsafeBufferPointer { levels in
                    roots.withUnsafeBufferPointer { roots in
                        let nodes = nodeBuffer.baseAddress!
                        @inline(__always)
                        func advance(_ node: UnsafePointer<Node>) -> UnsafePointer<Node> {
                            let n = node.pointee
                            if n.feature < 0 { return node }
                            let v = x[Int(n.feature)]
                            let left: Bool
                            if n.flags & 2 == 0 {
                                left = v <= n.value || (v.isNaN && n.flags & 1 != 0)
                            } else {
                                left = Self.categoricalGoesLeft(v, node: n, words: wordBuffer, levelCount: levels[Int(n.feature)])
                            }
                            return nodes + (Int(n.child) &+ (left ? 0 : 1))
                        }
                        var sum = initScore
                        var t = 0
                        while t + 4 <= roots.count {
                            var a = nodes + Int(roots[t]), b = nodes + Int(roots[t + 1])
                            var c = nodes + Int(roots[t + 2]), d = nodes + Int(roots[t + 3])
                            while a.pointee.feature >= 0 || b.pointee.feature >= 0 || c.pointee.feature >= 0 || d.pointee.feature >= 0 {
                                a = advance(a)
                                b = advance(b)
                                c = advance(c)
                                d = advance(d)
                            }
                            sum += a.pointee.value
                            sum += b.pointee.value
                            sum += c.pointee.value
                            sum += d.pointee.value
                            t += 4
                        }
                        while t < roots.count {
                            var a = nodes + Int(roots[t])
                            while a.pointee.feature >= 0 { a = advance(a) }
                            sum += a.pointee.value
                            t += 1
                        }
                        return sum
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func categoricalGoesLeft(
        _ v: Double, node: Node, words: UnsafeBufferPointer<UInt64>,
        levelCount: Int
    ) -> Bool {
        guard v >= 0, v < Double(levelCount), let code = Int(exactly: v) else { return node.flags & 1 != 0 }
        return words[Int(node.value) + code >> 6] & (1 << UInt64(code & 63)) != 0
    }

    /// Predicts one row; throws when it does not have `featureCount` values.
    public func predict(_ row: [Double]) throws(MLError) -> Double {
        guard row.count == featureCount else {
            throw MLError(.featureCountMismatch, "row has \(row.count) values, the model expects \(featureCount)")
        }
        return row.withUnsafeBufferPointer { predict(row: $0.baseAddress!) }
    }

    /// Predicts every row of a column-major data set, using all cores.
    public func predict(_ data: Dataset) throws(MLError) -> [Double] {
        guard data.featureCount == featureCount else {
            throw MLError(.featureCountMismatch, "data has \(data.featureCount) features, the model expects \(featureCount)")
        }
        let n = data.rowCount, d = featureCount
        var out = [Double](repeating: 0, count: n)
        data.values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { outBuffer in
                let src = SendablePointer(readOnly: values.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                let dst = SendablePointer(outBuffer)
                Parallel.forEachChunk(count: n, chunkSize: 4096) { _, rows in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, d)) { row in
                        for r in rows {
                            for f in 0..<d { row[f] = src[f * n + r] }
                            dst[r] = predict(row: row.baseAddress!)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Predicts rows stored one after another (`rows.count` a multiple of `featureCount`), using all cores.
    public func predict(rowMajor rows: [Double]) throws(MLError) -> [Double] {
        guard featureCount > 0, rows.count % featureCount == 0 else {
            throw MLError(.featureCountMismatch, "\(rows.count) values are not whole rows of \(featureCount) features")
        }
        let n = rows.count / featureCount, d = featureCount
        var out = [Double](repeating: 0, count: n)
        rows.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { outBuffer in
                let src = SendablePointer(readOnly: values.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                let dst = SendablePointer(outBuffer)
                Parallel.forEachChunk(count: n, chunkSize: 4096) { _, chunk in
                    for r in chunk { dst[r] = predict(row: src.base + r * d) }
                }
            }
        }
        return out
    }
}
