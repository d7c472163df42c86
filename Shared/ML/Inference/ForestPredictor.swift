/// Fast prediction with a tree ensemble flattened into one array of 16-byte nodes.
///
/// Traversal is branch-free: the two children of a node are adjacent
/// (`child`, `child + 1`) and the step is `child + 1 - goesLeft`, computed
/// with arithmetic rather than a jump. A leaf is a node that leads to itself,
/// so every tree is walked a fixed number of steps (its depth) and eight trees
/// are walked in step, overlapping their chains of dependent loads.
/// Categorical splits test a precomputed bit set that covers every level of
/// the feature plus one bit for "missing or unseen" (the default direction);
/// each row's categorical values are turned into bit positions once, not at
/// every node. Single-row prediction allocates nothing on the heap; batch
/// prediction splits rows across cores.
public struct ForestPredictor: Sendable {
    /// One node. A split: `value` is the numeric threshold, or, for a categorical split, the bit
    /// pattern of the index of its bit set in `words`. A leaf: `value` is +∞, missing values go left
    /// and `child` is the leaf itself, so a step never leaves it.
    struct Node: Sendable {
        var value: Double
        /// Index of the left child; the right child follows it.
        var child: UInt32
        var feature: UInt16
        /// Bit 0: missing goes left (numeric splits). Bit 1: categorical split.
        var flags: UInt8
    }

    /// Trees walked in step.
    private static let group = 8

    private let nodes: [Node]
    /// The output of each leaf node (0 for splits), by node index.
    private let outputs: [Double]
    private let roots: [UInt32]
    /// Steps to walk from each group of ``group`` trees' roots until all are at a leaf.
    private let groupDepths: [Int]
    /// Bit sets of categorical splits, after `dummyWords` zero words that numeric splits read.
    private let words: [UInt64]
    /// Level count of each feature, 0 for numeric features.
    private let levelCounts: [Int]
    private let hasCategorical: Bool
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
        let levelCounts = features.map { $0.kind == .categorical ? $0.levels.count : 0 }
        // Numeric splits read word `code >> 6` of the zero prefix; codes are 0 for numeric features.
        let dummyWords = (levelCounts.max() ?? 0) / 64 + 1
        var nodes: [Node] = []
        var outputs: [Double] = []
        var roots: [UInt32] = []
        var depths: [Int] = []
        var words = [UInt64](repeating: 0, count: dummyWords)
        for tree in trees {
            roots.append(UInt32(nodes.count))
            nodes.append(Node(value: 0, child: 0, feature: 0, flags: 0))
            outputs.append(0)
            var depth = 0
            // (slot in `nodes`, tree child reference, depth of the slot) still to place.
            var pending: [(Int, Int32, Int)] = [(nodes.count - 1, tree.splitFeature.isEmpty ? ~0 : 0, 0)]
            while let (slot, reference, level) = pending.popLast() {
                if reference < 0 {
                    nodes[slot] = Node(value: .infinity, child: UInt32(slot), feature: 0, flags: 1)
                    outputs[slot] = tree.leafValue[Int(~reference)]
                    depth = max(depth, level)
                    continue
                }
                let n = Int(reference)
                let feature = Int(tree.splitFeature[n])
                let child = nodes.count
                nodes.append(contentsOf: repeatElement(Node(value: 0, child: 0, feature: 0, flags: 0), count: 2))
                outputs.append(contentsOf: [0, 0])
                if tree.categoryStart[n] >= 0 {
                    let levels = levelCounts[feature]
                    var set = [UInt64](repeating: 0, count: levels / 64 + 1)
                    let start = Int(tree.categoryStart[n]), count = Int(tree.categoryWordCount[n])
                    for code in 0..<levels where code >> 6 < count {
                        if tree.categoryWords[start + code >> 6] & (1 << UInt64(code & 63)) != 0 {
                            set[code >> 6] |= 1 << UInt64(code & 63)
                        }
                    }
                    if tree.defaultLeft[n] { set[levels >> 6] |= 1 << UInt64(levels & 63) }
                    nodes[slot] = Node(
                        value: Double(bitPattern: UInt64(words.count)), child: UInt32(child),
                        feature: UInt16(feature), flags: 2)
                    words.append(contentsOf: set)
                } else {
                    nodes[slot] = Node(
                        value: tree.threshold[n], child: UInt32(child), feature: UInt16(feature),
                        flags: tree.defaultLeft[n] ? 1 : 0)
                }
                pending.append((child + 1, tree.rightChild[n], level + 1))
                pending.append((child, tree.leftChild[n], level + 1))
            }
            depths.append(depth)
        }
        self.nodes = nodes
        self.outputs = outputs
        self.roots = roots
        self.groupDepths = Swift.stride(from: 0, to: depths.count, by: Self.group).map { g in
            depths[g..<min(depths.count, g + Self.group)].max() ?? 0
        }
        self.words = words
        self.levelCounts = levelCounts
        self.hasCategorical = levelCounts.contains { $0 > 0 }
        self.initScore = initScore
        self.featureCount = features.count
    }

    /// The number of trees.
    public var treeCount: Int { roots.count }

    /// Predicts one row given as a contiguous buffer of `featureCount` values.
    @inline(__always)
    public func predict(row x: UnsafePointer<Double>) -> Double {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, featureCount)) { codes in
            let codes = codes.baseAddress!
            levelCounts.withUnsafeBufferPointer { levels in
                for f in 0..<featureCount {
                    let levelCount = levels[f]
                    guard hasCategorical, levelCount > 0 else {
                        codes[f] = 0
                        continue
                    }
                    // A level code, or `levelCount` (the "missing or unseen" bit) for anything else.
                    let v = x[f]
                    codes[f] = v >= 0 && v < Double(levelCount) && v == v.rounded(.down) ? Int(v) : levelCount
                }
            }
            return walk(x, codes: codes)
        }
    }

    /// Sums the trees' outputs for a row and its categorical bit positions.
    @inline(__always)
    private func walk(_ x: UnsafePointer<Double>, codes: UnsafePointer<Int>) -> Double {
        nodes.withUnsafeBufferPointer { nodeBuffer in
            outputs.withUnsafeBufferPointer { outputBuffer in
                words.withUnsafeBufferPointer { wordBuffer in
                    roots.withUnsafeBufferPointer { roots in
                        let nodes = nodeBuffer.baseAddress!, outputs = outputBuffer.baseAddress!
                        let words = wordBuffer.baseAddress!
                        @inline(__always)
                        func step(_ i: Int) -> Int {
                            let n = nodes[i]
                            let f = Int(n.feature)
                            let v = x[f], code = codes[f]
                            let categorical = Int(n.flags >> 1)
                            let numericLeft = (v <= n.value ? 1 : 0) | ((v.isNaN ? 1 : 0) & Int(n.flags & 1))
                            let word = (Int(truncatingIfNeeded: n.value.bitPattern) & -categorical) &+ (code &>> 6)
                            let categoricalLeft = Int(truncatingIfNeeded: words[word] &>> UInt64(code & 63)) & 1
                            let left = numericLeft ^ ((numericLeft ^ categoricalLeft) & -categorical)
                            return Int(n.child) &+ 1 &- left
                        }
                        var sum = initScore
                        var t = 0
                        for depth in groupDepths {
                            if t + Self.group <= roots.count {
                                var a = Int(roots[t]), b = Int(roots[t + 1]), c = Int(roots[t + 2]), d = Int(roots[t + 3])
                                var e = Int(roots[t + 4]), f = Int(roots[t + 5]), g = Int(roots[t + 6]), h = Int(roots[t + 7])
                                for _ in 0..<depth {
                                    a = step(a)
                                    b = step(b)
                                    c = step(c)
                                    d = step(d)
                                    e = step(e)
                                    f = step(f)
                                    g = step(g)
                                    h = step(h)
                                }
                                sum += outputs[a]
                                sum += outputs[b]
                                sum += outputs[c]
                                sum += outputs[d]
                                sum += outputs[e]
                                sum += outputs[f]
                                sum += outputs[g]
                                sum += outputs[h]
                                t += Self.group
                            } else {
                                while t < roots.count {
                                    var a = Int(roots[t])
                                    for _ in 0..<depth { a = step(a) }
                                    sum += outputs[a]
                                    t += 1
                                }
                            }
                        }
                        return sum
                    }
                }
            }
        }
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
