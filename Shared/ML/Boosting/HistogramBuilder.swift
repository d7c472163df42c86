/// Accumulates per-bin gradient sums and counts of a leaf's rows.
///
/// A leaf's rows are contiguous ``RowRecords``, so the builder streams memory
/// in order. Rows are cut into fixed-size chunks accumulated in parallel into
/// separate histograms and then added in chunk order: the sums depend on the
/// chunk size only, never on the number of threads.
struct HistogramBuilder: Sendable {
    static let chunkSize = 32_768

    let featureCount: Int
    let offsets: [Int]
    let binCounts: [Int]
    let totalBins: Int
    let stride: Int

    /// Fills `histogram` for `features` from `count` records starting at `records`.
    ///
    /// `scratch` must hold `(chunks - 1) × totalBins` entries, `chunks = ⌈count / chunkSize⌉`.
    func build(
        into histogram: UnsafeMutablePointer<LeafStatistics>, scratch: UnsafeMutablePointer<LeafStatistics>,
        features: [Int], records: UnsafeRawPointer, count: Int
    ) {
        let chunks = max(1, (count + Self.chunkSize - 1) / Self.chunkSize)
        let target = SendablePointer(histogram), partials = SendablePointer(scratch)
        let source = SendablePointer(readOnly: records.assumingMemoryBound(to: UInt8.self))
        let all = features.count == featureCount
        let featureOffsets = features.map { offsets[$0] }
        let stride = self.stride, binCounts = self.binCounts, totalBins = self.totalBins
        Parallel.forEachChunk(count: count, chunkSize: Self.chunkSize) { chunk, range in
            let h = chunk == 0 ? target.base : partials.base + (chunk - 1) * totalBins
            for (k, f) in features.enumerated() {
                (h + featureOffsets[k]).update(repeating: LeafStatistics(), count: binCounts[f])
            }
            featureOffsets.withUnsafeBufferPointer { offs in
                features.withUnsafeBufferPointer { feats in
                    let m = feats.count
                    var record = UnsafeRawPointer(source.base) + range.lowerBound * stride
                    for _ in range {
                        let gradient = Double(record.load(fromByteOffset: stride - 4, as: Float.self))
                        let bins = record.assumingMemoryBound(to: UInt8.self)
                        if all {
                            for k in 0..<m {
                                let p = h + (offs[k] &+ Int(bins[k]))
                                p.pointee.gradient += gradient
                                p.pointee.count += 1
                            }
                        } else {
                            for k in 0..<m {
                                let p = h + (offs[k] &+ Int(bins[feats[k]]))
                                p.pointee.gradient += gradient
                                p.pointee.count += 1
                            }
                        }
                        record += stride
                    }
                }
            }
        }
        guard chunks > 1 else { return }
        Parallel.forEach(count: features.count) { k in
            let o = featureOffsets[k], end = o + binCounts[features[k]]
            for chunk in 1..<chunks {
                let p = partials.base + (chunk - 1) * totalBins
                for b in o..<end { target[b] += p[b] }
            }
        }
    }

    /// `parent -= smaller` for the given features: the larger child's histogram, in place.
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
