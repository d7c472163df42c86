/// Pairwise duplicate-cluster quality: of the record pairs put in one home, how many truly are
/// one home (precision), and of the true pairs, how many were found (recall).
public struct ClusterScore: Sendable, Equatable, Codable {
    /// Record pairs in one predicted home.
    public var predictedPairs: Int
    /// Record pairs in one true home.
    public var truePairs: Int
    /// Pairs in both.
    public var correctPairs: Int

    /// Correct over predicted pairs; 1 when nothing was merged.
    public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    /// Correct over true pairs; 1 when nothing should be merged.
    public var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }
    /// The harmonic mean of precision and recall.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Scores predicted clusters against true ones; both are sets of record keys, and records
    /// absent from either side are ignored.
    public init(predicted: [Set<String>], truth: [Set<String>]) {
        let known = Set(predicted.flatMap { $0 }).intersection(truth.flatMap { $0 })
        func pairs(_ clusters: [Set<String>]) -> Set<[String]> {
            var pairs: Set<[String]> = []
            for cluster in clusters {
                let members = cluster.intersection(known).sorted()
                for (index, first) in members.enumerated() {
                    for second in members[(index + 1)...] { pairs.insert([first, second]) }
                }
            }
            return pairs
        }
        let predictedSet = pairs(predicted)
        let trueSet = pairs(truth)
        predictedPairs = predictedSet.count
        truePairs = trueSet.count
        correctPairs = predictedSet.intersection(trueSet).count
    }
}
