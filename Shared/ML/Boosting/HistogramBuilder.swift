import Foundation

/// Accumulates per-bin gradient sums and counts of a leaf's rows.
///
/// Gradients are quantised per tree to integers (``GradientScale``), so a
/// histogram is a set of exact integer sums: the result never depends on how
/// rows are cut into blocks, on the order they are added in, or on the number
/// of threads. Each block of rows accumulates one packed 64-bit word per bin,
/// `quantised gradient << 16 + 1`, so one integer addition updates both the
/// gradient sum and the count; a block holds at most ``maxBlockRows`` rows so
/// the 16-bit count cannot overflow into the gradient. Blocks use the
/// histogram's compact layout (a fixed 256-entry stride per feature would map
/// every feature's first bins to the same cache sets); they are then added
/// per bin and decoded to ``LeafStatistics``.
struct HistogramBuilder: Sendable {
    /// Most rows in one packed block (the 16-bit count field must not overflow).
    static let maxBlockRows = 32_768
    /// Fewest rows in a block, unless the leaf has fewer (smaller blocks cost more to dispatch than they save).
    static let minBlockRows = 8_192
    /// Blocks needed at most for `rows` rows.
    static func maxBlocks(rows: Int) -> Int {
        (rows + maxBlockRows - 1) / maxBlockRows + 2 * ProcessInfo.processInfo.activeProcessorCount
    }

    let featureCount: Int
    let offsets: [Int]
    let binCounts: [Int]
    let totalBins: Int
    let stride: Int

    /// Rows per block for a leaf of `count` rows: enough blocks to keep every core busy, none too small.
    private static func blockRows(count: Int) -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let even = (count + 2 * cores - 1) / (2 * cores)
        return min(maxBlockRows, max(minBlockRows, even))
    }

    /// Fills `histogram` for `features` from `count` records starting at `records`.
    ///
    /// `scratch` must hold ``maxBlocks(rows:)`` × `totalBins`
    /// entries for the training set's row count; `scale` turns quantised sums back into gradients.
    func build(
        into histogram: UnsafeMutablePointer<LeafStatistics>, scratch: UnsafeMutablePointer<Int64>,
        features: [Int], records: UnsafeRawPointer, count: Int, scale: GradientScale
    ) {
        let rowsPerBlock = Self.blockRows(count: count)
        let blocks = max(1, (count + rowsPerBlock - 1) / rowsPerBlock)
        let entries = totalBins
        let partials = SendablePointer(scratch)
        let source = SendablePointer(readOnly: records.assumingMemoryBound(to: UInt8.self))
        let all = features.count == featureCount
        let stride = self.stride, binCounts = self.binCounts, offsets = self.offsets
        let featureOffsets = features.map { offsets[$0] }
        Parallel.forEachChunk(count: count, chunkSize: rowsPerBlock) { block, range in
            let h = partials.base + block * entries
            for f in features { (h + offsets[f]).update(repeating: 0, count: binCounts[f]) }
            featureOffsets.withUnsafeBufferPointer { offs in
                features.withUnsafeBufferPointer { feats in
                    let m = feats.count
                    var record = UnsafeRawPointer(source.base) + range.lowerBound * stride
                    for _ in range {
                        let packed = Int64(record.load(fromByteOffset: stride - 4, as: Int32.self)) &<< 16 | 1
                        let bins = record.assumingMemoryBound(to: UInt8.self)
                        if all {
                            for k in 0..<m { h[offs[k] &+ Int(bins[k])] &+= packed }
                        } else {
                            for k in 0..<m { h[offs[k] &+ Int(bins[feats[k]])] &+= packed }
                        }
                        record += stride
                    }
                }
            }
        }
        let target = SendablePointer(histogram)
        // Adding blocks is worth a parallel section only when there are many of them.
        let parallelMerge = blocks > 4
        Parallel.forEach(count: parallelMerge ? features.count : 1) { k in
            let selected = parallelMerge ? features[k...k] : features[...]
            for f in selected {
                for b in 0..<binCounts[f] {
                    var gradient: Int64 = 0, rows: Int64 = 0
                    for block in 0..<blocks {
                        let word = partials[block * entries + offsets[f] + b]
                        gradient &+= word &>> 16
                        rows &+= word & 0xFFFF
                    }
                    target[offsets[f] + b] = LeafStatistics(
                        gradient: scale.gradient(gradient), count: Double(rows))
                }
            }
        }
    }

    /// `parent -= smaller` for the given features: the larger child's histogram, in place (exact: the sums are integers).
    func subtract(
        _ smaller: UnsafePointer<LeafStatistics>, from parent: UnsafeMutablePointer<LeafStatistics>,
        features: [Int]
    ) {
        for f in features {
            let o = offsets[f]
            for b in o..<(o + binCounts[f]) { parent[b] = parent[b] - smaller[b] }
        }
    }
}

/// The power of two that maps one tree's gradients to 31-bit integers.
///
/// `q = round(g / step)` with `|q| ≤ 2³⁰`; a sum of quantised gradients times
/// `step` is exact in a `Double` (the step is a power of two), so gradient sums
/// are the same whatever order rows are added in.
struct GradientScale: Sendable {
    /// The gradient of one quantisation unit.
    let step: Double
    /// `1 / step`, also a power of two, so multiplying by it is exact.
    private let inverse: Double

    /// The scale for gradients whose largest magnitude is `maxMagnitude`.
    init(maxMagnitude: Double) {
        guard maxMagnitude > 0, maxMagnitude.isFinite else {
            step = 1
            inverse = 1
            return
        }
        // maxMagnitude < 2^(exponent + 1), so maxMagnitude / step < 2^30; the floor keeps 1 / step finite.
        let exponent = max(-1_000, maxMagnitude.exponent + 1 - 30)
        step = Double(sign: .plus, exponent: exponent, significand: 1)
        inverse = Double(sign: .plus, exponent: -exponent, significand: 1)
    }

    /// The quantised value of gradient `g`.
    @inline(__always)
    func quantise(_ g: Double) -> Int32 {
        Int32((g * inverse).rounded(.toNearestOrEven))
    }

    /// The gradient sum of a quantised sum.
    @inline(__always)
    func gradient(_ quantisedSum: Int64) -> Double {
        Double(quantisedSum) * step
    }
}
