/// Decides which rows a tree is trained on when bagging.
///
/// Membership is a seeded hash of the row index and the bagging round, so it
/// does not depend on row order or on how training was split into runs.
struct BagSampler: Sendable {
    let seed: UInt64
    let round: Int
    let rows: Int
    let fraction: Double

    @inline(__always)
    func contains(_ row: Int) -> Bool {
        var generator = SplitMix64(seed: seed, skipping: UInt64(round) &* UInt64(rows) &+ UInt64(row))
        return generator.nextUniform() < fraction
    }
}
