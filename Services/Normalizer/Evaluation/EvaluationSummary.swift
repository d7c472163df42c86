import Foundation

/// A report as readable text: the record counts, one line per field, the cluster scores.
public enum EvaluationSummary {
    /// The report's lines.
    public static func text(_ report: EvaluationReport) -> String {
        func percent(_ value: Double) -> String { String(format: "%6.2f %%", value * 100) }
        var lines = [
            "records \(report.records): \(report.normalized) normalized, \(report.deadLettered) dead-lettered; "
                + "\(report.homes) homes for \(report.trueHomes) true homes",
            "field                 accuracy   coverage   (correct/produced/expected)",
        ]
        for score in report.fields {
            lines.append(
                score.field.padding(toLength: 20, withPad: " ", startingAt: 0) + "  " + percent(score.accuracy) + "   "
                    + percent(score.coverage) + "   (\(score.correct)/\(score.produced)/\(score.expected))")
        }
        lines.append("all fields            " + percent(report.overallAccuracy))
        let clusters = report.clusters
        lines.append(
            "duplicates: precision \(percent(clusters.precision)), recall \(percent(clusters.recall)), F1 \(percent(clusters.f1)) "
                + "(\(clusters.correctPairs) correct of \(clusters.predictedPairs) predicted, \(clusters.truePairs) true pairs)")
        return lines.joined(separator: "\n")
    }
}
