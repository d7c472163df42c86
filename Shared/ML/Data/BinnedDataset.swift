/// The training matrix: one byte per row and feature, stored row after row.
///
/// Memory is `rowCount × featureCount` bytes. Row-major storage lets the
/// histogram builder read all features of a row from one cache line.
public struct BinnedDataset: Sendable {
    /// One mapper per feature.
    public let mappers: [BinMapper]
    /// Number of rows.
    public let rowCount: Int
    /// `bins[row * featureCount + feature]`.
    public let bins: [UInt8]
    /// Where each feature's bins start in a histogram.
    public let histogramOffsets: [Int]
    /// Total number of bins over all features.
    public let totalBins: Int

    /// Number of features.
    public var featureCount: Int { mappers.count }

    /// Bins a data set with the given mappers, using all cores.
    public init(_ data: Dataset, mappers: [BinMapper]) throws(MLError) {
        guard mappers.count == data.featureCount else {
            throw MLError(.featureCountMismatch, "data has \(data.featureCount) features, bin mappers \(mappers.count)")
        }
        self.mappers = mappers
        rowCount = data.rowCount
        var offsets: [Int] = []
        var total = 0
        for m in mappers {
            offsets.append(total)
            total += m.binCount
        }
        histogramOffsets = offsets
        totalBins = total
        let n = data.rowCount, d = mappers.count
        var out = [UInt8](repeating: 0, count: n * d)
        data.values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { outBuffer in
                let dst = SendablePointer(outBuffer)
                let src = SendablePointer(readOnly: values.baseAddress!)
                Parallel.forEachChunk(count: n, chunkSize: 65_536) { _, rows in
                    for f in 0..<d {
                        let mapper = mappers[f]
                        let column = src.base + f * n
                        for r in rows { dst[r * d + f] = mapper.bin(column[r]) }
                    }
                }
            }
        }
        bins = out
    }

    /// Learns one mapper per feature from a deterministic sample of at most `sampleRows` rows.
    public static func learnMappers(
        _ data: Dataset, maxBins: Int, minDataInBin: Int, sampleRows: Int,
        seed: UInt64
    ) -> [BinMapper] {
        let n = data.rowCount
        let sample: [Int]?
        if n <= sampleRows {
            sample = nil
        } else {
            // Partial Fisher–Yates: the first `sampleRows` entries are a uniform sample.
            var generator = SplitMix64(seed: seed)
            var indices = Array(0..<n)
            for i in 0..<sampleRows {
                let j = i + Int(generator.next() % UInt64(n - i))
                indices.swapAt(i, j)
            }
            sample = Array(indices[0..<sampleRows]).sorted()
        }
        var mappers = [BinMapper?](repeating: nil, count: data.featureCount)
        mappers.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer)
            Parallel.forEach(count: data.featureCount) { f in
                let column = data.column(f)
                let values = sample.map { rows in rows.map { column[column.startIndex + $0] } } ?? Array(column)
                out[f] = BinMapper(
                    values: values, kind: data.features[f].kind, levelCount: data.features[f].levels.count,
                    maxBins: maxBins, minDataInBin: minDataInBin)
            }
        }
        return mappers.map { $0! }
    }
}
