import Foundation
import Schema

/// Scores the normalizer's output on a scenario against its ground truth.
public enum ScenarioEvaluation {
    /// Scores the live canonical homes (from the warehouse or the last `homes.normalized`
    /// value per key) against the ground truth.
    ///
    /// Each home's records are the `sourceId/recordId` of its provenance; every such record is
    /// scored against its own true home, so a wrong merge costs accuracy as well as precision.
    /// - Parameters:
    ///   - homes: The live canonical homes.
    ///   - truth: The scenario's ground truth.
    ///   - records: How many raw records were fed in.
    ///   - deadLettered: How many of them were rejected.
    public static func evaluate(homes: [Home], truth: GroundTruth, records: Int, deadLettered: Int) -> EvaluationReport {
        var scores: [String: FieldScore] = [:]
        var predicted: [Set<String>] = []
        for home in homes {
            let keys = Set(home.provenance.values.flatMap { $0 }.map { "\($0.sourceId)/\($0.recordId)" })
            predicted.append(keys)
            for key in keys.sorted() {
                guard let entry = truth.entries[key] else { continue }
                FieldComparison.score(home, against: entry.home, into: &scores)
            }
        }
        let normalizedKeys = Set(predicted.flatMap { $0 })
        let trueClusters = Dictionary(grouping: truth.entries.values.filter { normalizedKeys.contains($0.key) }, by: \.homeId)
        return EvaluationReport(
            records: records,
            normalized: normalizedKeys.count,
            deadLettered: deadLettered,
            homes: homes.count,
            trueHomes: trueClusters.count,
            fields: FieldComparison.fields.map { scores[$0] ?? FieldScore(field: $0) },
            clusters: ClusterScore(predicted: predicted, truth: trueClusters.values.map { Set($0.map(\.key)) })
        )
    }
}
