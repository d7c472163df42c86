/// Grows one tree leaf-wise on binned data: always split the leaf with the
/// largest gain, until the leaf limit, the depth limit or no positive gain.
///
/// Rows of each leaf are a contiguous range of ``RowRecords`` in one of its
/// two buffers. Every tree starts from the rows in row order, so a tree depends
/// only on the gradients, never on earlier trees' row movements (which makes
/// resuming from a checkpoint exact). Gradients are quantised per tree
/// (``GradientScale``), so histograms are exact integer sums. After a split
/// only the smaller child's histogram is built; the larger one's is the
/// parent's minus it. Histograms are built over row blocks and split search
/// over features, in parallel.
final class TreeLearner {
    /// One leaf of the tree being grown.
    struct Leaf {
        var start: Int
        var count: Int
        /// Which record buffer holds the leaf's rows.
        var buffer: Int
        /// Set when the leaf's rows were not moved (a final split): they are the rows of
        /// `start..<start+filter.rangeCount` that take the filter's side.
        var filter: LeafFilter?
        var statistics: LeafStatistics
        var depth: Int
        var slot: Int
        var output: Double
        var lower: Double
        var upper: Double
        var best = SplitCandidate()
        /// The internal node whose child this leaf is (-1 for the root) and which side.
        var parent: Int
        var isLeft: Bool
    }

    /// A grown tree before shrinkage: structure, leaves and each leaf's rows.
    struct Grown {
        var tree: Tree
        var leaves: [Leaf]
        /// For each internal node, the bins that go left (for binned traversal of out-of-bag rows).
        var leftBins: [BinSet]
        /// Rows in the bag; records `bagCount..<rowCount` of buffer 0 are the rows left out.
        var bagCount: Int
    }

    let data: BinnedDataset
    let config: GBMConfig
    let finder: SplitFinder
    let monotone: [Int]
    let isCategorical: [Bool]
    let binCounts: [Int]
    private let builder: HistogramBuilder
    private let records: RowRecords
    private var histograms: [LeafStatistics]
    private var scratch: [Int64]
    /// The quantisation of the tree being grown.
    private var scale = GradientScale(maxMagnitude: 1)

    init(data: BinnedDataset, config: GBMConfig, monotone: [Int]) {
        self.data = data
        self.config = config
        self.finder = SplitFinder(config)
        self.monotone = monotone
        isCategorical = data.mappers.map { $0.kind == .categorical }
        binCounts = data.mappers.map(\.binCount)
        records = RowRecords(rows: data.rowCount, featureCount: data.featureCount)
        builder = HistogramBuilder(
            featureCount: data.featureCount, offsets: data.histogramOffsets,
            binCounts: binCounts, totalBins: data.totalBins, stride: records.stride)
        histograms = [LeafStatistics](repeating: LeafStatistics(), count: config.numLeaves * data.totalBins)
        scratch = [Int64](
            repeating: 0,
            count: HistogramBuilder.maxBlocks(rows: data.rowCount) * data.totalBins)
    }

    /// Writes the records of the rows in `bag` (or all rows) to buffer 0 in row order, followed by the
    /// other rows, with their quantised gradients; sets ``scale`` and returns the number of rows in the
    /// bag and their gradient sum.
    private func fillRoot(gradients: UnsafePointer<Double>, bag: BagSampler?) -> (Int, LeafStatistics) {
        let n = data.rowCount, d = data.featureCount
        let chunkSize = 65_536
        let chunks = (n + chunkSize - 1) / chunkSize
        var inBag = [Int](repeating: 0, count: chunks)
        var sums = [Int64](repeating: 0, count: chunks)
        var largest = [Double](repeating: 0, count: chunks)
        let gradient = SendablePointer(readOnly: gradients)
        let records = self.records
        largest.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer)
            Parallel.forEachChunk(count: n, chunkSize: chunkSize) { chunk, range in
                var m = 0.0
                for row in range { m = max(m, abs(gradient[row])) }
                out[chunk] = m
            }
        }
        let scale = GradientScale(maxMagnitude: largest.max() ?? 0)
        self.scale = scale
        data.bins.withUnsafeBufferPointer { binBuffer in
            inBag.withUnsafeMutableBufferPointer { inBagBuffer in
                sums.withUnsafeMutableBufferPointer { sumBuffer in
                    let bins = SendablePointer(readOnly: binBuffer.baseAddress!)
                    let counts = SendablePointer(inBagBuffer), partialSums = SendablePointer(sumBuffer)
                    if let bag {
                        Parallel.forEachChunk(count: n, chunkSize: chunkSize) { chunk, range in
                            counts[chunk] = range.reduce(0) { $0 + (bag.contains($1) ? 1 : 0) }
                        }
                    } else {
                        for c in 0..<chunks { counts[c] = min(n, (c + 1) * chunkSize) - c * chunkSize }
                    }
                    let total = (0..<chunks).reduce(0) { $0 + counts[$1] }
                    var starts: [(Int, Int)] = []
                    var inside = 0, outside = total
                    for c in 0..<chunks {
                        starts.append((inside, outside))
                        inside += counts[c]
                        outside += min(n, (c + 1) * chunkSize) - c * chunkSize - counts[c]
                    }
                    let offsets = starts
                    Parallel.forEachChunk(count: n, chunkSize: chunkSize) { chunk, range in
                        var (inside, outside) = offsets[chunk]
                        var sum: Int64 = 0
                        for row in range {
                            let slot: Int
                            let member = bag?.contains(row) ?? true
                            if member {
                                slot = inside
                                inside += 1
                            } else {
                                slot = outside
                                outside += 1
                            }
                            let record = records.record(slot, in: 0)
                            Self.copyBins(from: UnsafeRawPointer(bins.base + row * d), to: record, count: d)
                            let q = scale.quantise(gradient[row])
                            record.storeBytes(of: UInt32(row), toByteOffset: records.stride - 8, as: UInt32.self)
                            record.storeBytes(of: q, toByteOffset: records.stride - 4, as: Int32.self)
                            if member { sum &+= Int64(q) }
                        }
                        partialSums[chunk] = sum
                    }
                }
            }
        }
        let bagCount = inBag.reduce(0, +)
        return (bagCount, LeafStatistics(gradient: scale.gradient(sums.reduce(0, &+)), count: Double(bagCount)))
    }

    /// Adds each leaf's value to the scores of its rows.
    ///
    /// The two children of a final split share their parent's unmoved records: one pass over them adds
    /// either child's value, chosen by a per-bin table rather than a branch.
    func addLeafValues(_ values: [Double], leaves: [Leaf], to score: UnsafeMutablePointer<Double>) {
        let records = self.records
        let target = SendablePointer(score)
        let tasks = leaves.indices.filter { leaves[$0].filter?.takesLeft ?? true }
        Parallel.forEach(count: tasks.count) { t in
            let l = tasks[t]
            let leaf = leaves[l]
            guard let filter = leaf.filter else {
                let value = values[l]
                for i in leaf.start..<(leaf.start + leaf.count) {
                    target[records.row(records.record(i, in: leaf.buffer))] += value
                }
                return
            }
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 256) { table in
                for b in 0..<256 {
                    table[b] = filter.leftBins.contains(UInt8(b)) ? values[l] : values[filter.sibling]
                }
                for i in leaf.start..<(leaf.start + filter.rangeCount) {
                    let record = records.record(i, in: leaf.buffer)
                    target[records.row(record)] += table[Int(record.load(fromByteOffset: filter.feature, as: UInt8.self))]
                }
            }
        }
    }

    /// The row indices of a leaf.
    func rows(of leaf: Leaf) -> [Int] {
        guard let filter = leaf.filter else {
            return (leaf.start..<(leaf.start + leaf.count)).map { records.row(records.record($0, in: leaf.buffer)) }
        }
        return (leaf.start..<(leaf.start + filter.rangeCount)).compactMap { i in
            let record = records.record(i, in: leaf.buffer)
            return filter.admits(record) ? records.row(record) : nil
        }
    }

    /// The rows left out of the last tree's bag.
    func outOfBagRows(bagCount: Int) -> [UInt32] {
        (bagCount..<data.rowCount).map { UInt32(records.row(records.record($0, in: 0))) }
    }

    /// Grows a tree on the rows of `bag` (all rows when `nil`), using `features` (sorted) for splits.
    func grow(gradients: UnsafePointer<Double>, bag: BagSampler?, features: [Int], nodeSeed: UInt64) -> Grown {
        var tree = Tree()
        var leftBins: [BinSet] = []
        let (bagCount, rootStatistics) = fillRoot(gradients: gradients, bag: bag)
        let root = Leaf(
            start: 0, count: bagCount, buffer: 0, filter: nil, statistics: rootStatistics, depth: 0, slot: 0,
            output: finder.output(rootStatistics, l2: config.lambdaL2, lower: -.infinity, upper: .infinity),
            lower: -.infinity, upper: .infinity, parent: -1, isLeft: false)
        var leaves = [root]
        if canSplit(root, leafCount: 1) {
            buildHistogram(slot: 0, leaf: root, features: features)
            findBestSplits(leaves: &leaves, which: [0], features: features, nodeSeed: nodeSeed)
        }
        while leaves.count < config.numLeaves {
            var chosen = -1
            for (l, leaf) in leaves.enumerated() where leaf.best.isValid {
                if chosen < 0 || leaf.best.gain > leaves[chosen].best.gain { chosen = l }
            }
            guard chosen >= 0 else { break }
            split(leaf: chosen, leaves: &leaves, tree: &tree, leftBins: &leftBins, features: features, nodeSeed: nodeSeed)
        }
        return Grown(tree: tree, leaves: leaves, leftBins: leftBins, bagCount: bagCount)
    }

    private func canSplit(_ leaf: Leaf, leafCount: Int) -> Bool {
        leafCount < config.numLeaves
            && (config.maxDepth <= 0 || leaf.depth < config.maxDepth)
            && leaf.count >= 2 * config.minDataInLeaf
    }

    private func split(
        leaf l: Int, leaves: inout [Leaf], tree: inout Tree, leftBins: inout [BinSet],
        features: [Int], nodeSeed: UInt64
    ) {
        let parent = leaves[l]
        let best = parent.best
        let leftCount = Int(best.left.count)
        // Children that will never be split keep their rows where they are, behind a filter.
        let childDepth = parent.depth + 1
        func splittable(_ count: Int) -> Bool {
            canSplit(
                Leaf(
                    start: 0, count: count, buffer: 0, statistics: .init(), depth: childDepth, slot: 0, output: 0,
                    lower: 0, upper: 0, parent: -1, isLeft: false), leafCount: leaves.count + 1)
        }
        let final = !splittable(leftCount) && !splittable(parent.count - leftCount)
        if !final {
            partition(parent, feature: best.feature, leftBins: best.leftBins, leftCount: leftCount)
        }

        // Record the internal node and hook it under its parent.
        let node = tree.splitFeature.count
        let r = leaves.count
        appendNode(to: &tree, best: best, leftLeaf: l, rightLeaf: r, parent: parent)
        leftBins.append(best.leftBins)
        if parent.parent >= 0 {
            if parent.isLeft { tree.leftChild[parent.parent] = Int32(node) } else { tree.rightChild[parent.parent] = Int32(node) }
        }

        // Monotone constraints: children's values are bounded by the midpoint of the split.
        var leftLower = parent.lower, leftUpper = parent.upper
        var rightLower = parent.lower, rightUpper = parent.upper
        let direction = monotone[best.feature]
        if direction != 0 {
            let mid = (best.leftOutput + best.rightOutput) / 2
            if direction > 0 {
                leftUpper = min(leftUpper, mid)
                rightLower = max(rightLower, mid)
            } else {
                leftLower = max(leftLower, mid)
                rightUpper = min(rightUpper, mid)
            }
        }
        let filter = { (side: Bool) in
            final
                ? LeafFilter(
                    feature: best.feature, leftBins: best.leftBins, takesLeft: side, rangeCount: parent.count,
                    sibling: side ? r : l)
                : nil
        }
        let left = Leaf(
            start: parent.start, count: leftCount, buffer: final ? parent.buffer : 1 - parent.buffer,
            filter: filter(true), statistics: best.left, depth: parent.depth + 1,
            slot: parent.slot, output: best.leftOutput, lower: leftLower, upper: leftUpper,
            parent: node, isLeft: true)
        let right = Leaf(
            start: final ? parent.start : parent.start + leftCount, count: parent.count - leftCount,
            buffer: final ? parent.buffer : 1 - parent.buffer, filter: filter(false), statistics: best.right,
            depth: parent.depth + 1, slot: r, output: best.rightOutput, lower: rightLower,
            upper: rightUpper, parent: node, isLeft: false)
        leaves[l] = left
        leaves.append(right)

        let leafCount = leaves.count
        let splitLeft = canSplit(left, leafCount: leafCount)
        let splitRight = canSplit(right, leafCount: leafCount)
        guard splitLeft || splitRight else { return }
        let smallerIsLeft = left.count <= right.count
        let smaller = smallerIsLeft ? l : r
        let larger = smallerIsLeft ? r : l
        let parentSlot = parent.slot
        let freeSlot = r
        // The smaller child gets the free slot, the larger one keeps the parent's histogram minus the smaller.
        leaves[smaller].slot = freeSlot
        leaves[larger].slot = parentSlot
        buildHistogram(slot: freeSlot, leaf: leaves[smaller], features: features)
        let needLarger = smallerIsLeft ? splitRight : splitLeft
        if needLarger {
            let total = data.totalBins
            histograms.withUnsafeMutableBufferPointer { h in
                builder.subtract(
                    h.baseAddress! + freeSlot * total, from: h.baseAddress! + parentSlot * total,
                    features: features)
            }
        }
        var which: [Int] = []
        if splitLeft { which.append(l) }
        if splitRight { which.append(r) }
        findBestSplits(leaves: &leaves, which: which, features: features, nodeSeed: nodeSeed)
    }

    private func appendNode(to tree: inout Tree, best: SplitCandidate, leftLeaf: Int, rightLeaf: Int, parent: Leaf) {
        let mapper = data.mappers[best.feature]
        tree.splitFeature.append(Int32(best.feature))
        tree.defaultLeft.append(best.leftBins.contains(0))
        if best.isCategorical {
            let levelCount = mapper.levelBins.count
            var words = [UInt64](repeating: 0, count: max(1, (levelCount + 63) / 64))
            for code in 0..<levelCount where best.leftBins.contains(mapper.levelBins[code]) {
                words[code >> 6] |= 1 << UInt64(code & 63)
            }
            tree.threshold.append(0)
            tree.categoryStart.append(Int32(tree.categoryWords.count))
            tree.categoryWordCount.append(Int32(words.count))
            tree.categoryWords.append(contentsOf: words)
        } else {
            tree.threshold.append(mapper.thresholds[best.threshold - 1])
            tree.categoryStart.append(-1)
            tree.categoryWordCount.append(0)
        }
        tree.leftChild.append(~Int32(leftLeaf))
        tree.rightChild.append(~Int32(rightLeaf))
        tree.splitGain.append(best.gain)
        tree.internalCount.append(Double(parent.count))
    }

    /// Moves a leaf's records to the other buffer: left rows to the front, right rows to the back.
    ///
    /// The left count is known from the split, so two halves are moved at once
    /// without a counting pass: the first half fills each side from its outer
    /// end inwards, the second half from the middle outwards. The resulting order
    /// depends only on the rows, never on the number of threads.
    private func partition(_ leaf: Leaf, feature: Int, leftBins: BinSet, leftCount: Int) {
        var goesLeft = [Int](repeating: 0, count: 256)
        for b in 0..<256 where leftBins.contains(UInt8(b)) { goesLeft[b] = 1 }
        let records = self.records, stride = records.stride
        let source = SendablePointer(records.record(leaf.start, in: leaf.buffer).assumingMemoryBound(to: UInt8.self))
        let destination = SendablePointer(records.record(leaf.start, in: 1 - leaf.buffer).assumingMemoryBound(to: UInt8.self))
        let count = leaf.count, half = count / 2
        let table = goesLeft
        Parallel.forEach(count: count >= 16_384 ? 2 : 1) { part in
            table.withUnsafeBufferPointer { goesLeft in
                let dst = UnsafeMutableRawPointer(destination.base)
                // First half (or everything): left rows from the front up, right rows from the back down.
                // Second half: left rows from the split point down, right rows from the split point up.
                let rows = count >= 16_384 ? (part == 0 ? 0..<half : half..<count) : 0..<count
                // Byte offsets into the destination; no multiplication (or overflow check) per record.
                var left = (part == 0 ? 0 : leftCount - 1) &* stride
                var right = (part == 0 ? count - 1 : leftCount) &* stride
                let step = part == 0 ? stride : -stride
                var from = UnsafeRawPointer(source.base) + rows.lowerBound &* stride
                for _ in rows {
                    // Branch-free: the side is data, not control flow (a 50/50 branch mispredicts half the time).
                    let mask = 0 &- goesLeft[Int(from.load(fromByteOffset: feature, as: UInt8.self))]
                    let slot = right ^ ((left ^ right) & mask)
                    left &+= step & mask
                    right &-= step & ~mask
                    Self.copyRecord(from: from, to: dst + slot, stride: stride)
                    from += stride
                }
            }
        }
    }

    /// Copies a row's `count` bins into a record with 8-byte moves (the last one overlapping), not a `memcpy` call.
    @inline(__always)
    private static func copyBins(from: UnsafeRawPointer, to: UnsafeMutableRawPointer, count: Int) {
        guard count >= 8 else {
            to.copyMemory(from: from, byteCount: count)
            return
        }
        var offset = 0
        while offset + 8 <= count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        if offset < count {
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), toByteOffset: count - 8, as: UInt64.self)
        }
    }

    @inline(__always)
    private static func copyRecord(from: UnsafeRawPointer, to: UnsafeMutableRawPointer, stride: Int) {
        if stride == 32 {
            to.storeBytes(of: from.loadUnaligned(as: SIMD4<UInt64>.self), as: SIMD4<UInt64>.self)
        } else {
            for w in 0..<(stride / 8) {
                to.storeBytes(of: from.load(fromByteOffset: w * 8, as: UInt64.self), toByteOffset: w * 8, as: UInt64.self)
            }
        }
    }

    private func buildHistogram(slot: Int, leaf: Leaf, features: [Int]) {
        let total = data.totalBins
        let source = UnsafeRawPointer(records.record(leaf.start, in: leaf.buffer))
        let scale = self.scale
        histograms.withUnsafeMutableBufferPointer { h in
            scratch.withUnsafeMutableBufferPointer { p in
                builder.build(
                    into: h.baseAddress! + slot * total, scratch: p.baseAddress!, features: features,
                    records: source, count: leaf.count, scale: scale)
            }
        }
    }

    /// Finds the best split of each leaf in `which`, over features in parallel.
    private func findBestSplits(leaves: inout [Leaf], which: [Int], features: [Int], nodeSeed: UInt64) {
        let total = data.totalBins
        var tasks: [(leaf: Int, feature: Int)] = []
        for l in which {
            for f in nodeFeatures(features, leaf: l, seed: nodeSeed &+ UInt64(leaves.count) &* 0x9E37_79B9) {
                tasks.append((l, f))
            }
        }
        var results = [SplitCandidate](repeating: SplitCandidate(), count: tasks.count)
        let snapshot = leaves
        let finder = self.finder, monotone = self.monotone, isCategorical = self.isCategorical, binCounts = self.binCounts
        let offsets = data.histogramOffsets
        let taskList = tasks
        histograms.withUnsafeBufferPointer { h in
            results.withUnsafeMutableBufferPointer { resultBuffer in
                let hist = SendablePointer(readOnly: h.baseAddress!)
                let out = SendablePointer(resultBuffer)
                Parallel.forEach(count: taskList.count) { t in
                    let (l, f) = taskList[t]
                    let leaf = snapshot[l]
                    out[t] = finder.best(
                        feature: f, bins: hist.base + leaf.slot * total + offsets[f],
                        binCount: binCounts[f], isCategorical: isCategorical[f],
                        parent: leaf.statistics, parentOutput: leaf.output, monotone: monotone[f],
                        lower: leaf.lower, upper: leaf.upper)
                }
            }
        }
        for l in which { leaves[l].best = SplitCandidate() }
        for (t, task) in tasks.enumerated() where results[t].isBetter(than: leaves[task.leaf].best) {
            leaves[task.leaf].best = results[t]
        }
    }

    /// The features a node may split on: all of the tree's, or a seeded sample of them.
    private func nodeFeatures(_ features: [Int], leaf: Int, seed: UInt64) -> [Int] {
        guard config.featureFractionByNode < 1 else { return features }
        let k = max(1, Int((config.featureFractionByNode * Double(features.count)).rounded()))
        var generator = SplitMix64(seed: seed &+ UInt64(leaf) &* 0xD1B5_4A32_D192_ED03)
        var pool = features
        for i in 0..<k {
            let j = i + Int(generator.next() % UInt64(pool.count - i))
            pool.swapAt(i, j)
        }
        return pool[0..<k].sorted()
    }
}
