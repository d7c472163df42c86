/// The synthetic scale data set of `synthetic.md`, reproduced bit for bit.
///
/// Row `i` consumes outputs `46·i ..< 46·i + 46` of one SplitMix64 stream, so any
/// range of rows can be generated independently (and in parallel).
public enum SyntheticData {
    /// The stream seed.
    public static let seed: UInt64 = 42
    /// Uniforms consumed per row.
    public static let uniformsPerRow = 46
    /// Number of feature columns (20 numeric and 2 categorical).
    public static let featureCount = 22
    /// Rows of the training set.
    public static let trainingRows = 1_000_000
    /// Rows of the holdout set, which follow the training rows in the stream.
    public static let holdoutRows = 200_000

    /// Feature descriptions: `x0…x19` numeric, `c0` (10 levels) and `c1` (100 levels) categorical.
    public static var features: [FeatureInfo] {
        (0..<20).map { FeatureInfo.numeric("x\($0)") }
            + [
                .categorical("c0", levels: (0..<10).map(String.init)),
                .categorical("c1", levels: (0..<100).map(String.init)),
            ]
    }

    /// Generates rows `range` of the stream as a ``Dataset``, using all cores.
    public static func dataset(rows range: Range<Int>) -> Dataset {
        let n = range.count
        var target = [Double](repeating: 0, count: n)
        var values = [Double](repeating: 0, count: n * featureCount)
        values.withUnsafeMutableBufferPointer { valuesBuffer in
            target.withUnsafeMutableBufferPointer { targetBuffer in
                let x = SendablePointer(valuesBuffer)
                let y = SendablePointer(targetBuffer)
                Parallel.forEachChunk(count: n, chunkSize: 32_768) { _, rows in
                    var generator = SplitMix64(seed: seed, skipping: UInt64(uniformsPerRow * (range.lowerBound + rows.lowerBound)))
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: uniformsPerRow + featureCount) { scratch in
                        let v = scratch.baseAddress!
                        let row = v + uniformsPerRow
                        for i in rows {
                            for j in 0..<uniformsPerRow { v[j] = generator.nextUniform() }
                            y[i] = fill(v, into: row)
                            for f in 0..<featureCount { x[f * n + i] = row[f] }
                        }
                    }
                }
            }
        }
        // Sizes agree by construction.
        return try! Dataset(features: features, rowCount: n, values: values, target: target)
    }

    /// Evaluates features and target from 46 uniforms, exactly in the specified order.
    private static func fill(_ v: UnsafeMutablePointer<Double>, into x: UnsafeMutablePointer<Double>) -> Double {
        for j in 0..<10 { x[j] = v[j] }
        for m in 0..<10 {
            x[10 + m] = 2.0 * ((v[10 + 3 * m] + v[11 + 3 * m]) + v[12 + 3 * m]) - 3.0
        }
        let c0 = (10.0 * v[40]).rounded(.down)
        let c1 = (100.0 * v[41]).rounded(.down)
        x[20] = c0
        x[21] = c1
        let noise = ((v[42] + v[43]) + (v[44] + v[45])) - 2.0
        let e0 = Double((3 * Int(c0)) % 10) / 4.5 - 1.0
        let e1 = Double((37 * Int(c1)) % 100) / 50.0 - 1.0
        var y = 2.0 * x[0]
        y += 3.0 * (x[1] * x[1])
        y -= (2.0 * x[2]) * x[3]
        y += x[4] > 0.5 ? 1.5 : 0.0
        y += 0.8 * x[10]
        y += (0.5 * x[11]) * x[12]
        y += abs(x[13])
        y -= 0.3 * (x[14] * x[14])
        y += e0
        y += e1
        y += noise
        return y
    }
}
