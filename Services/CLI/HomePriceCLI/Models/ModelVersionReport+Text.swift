import Foundation
import ModelRegistry

extension ModelVersionReport {
    /// The report for people: the registry's facts, then the card's data, metrics per
    /// segment and champion comparison, or the one line saying why the card is unreadable.
    var text: String {
        var lines = ["\(model)@\(version)  \(state.rawValue)" + (aliases.isEmpty ? "" : "  \(aliases.joined(separator: ","))")]
        func field(_ name: String, _ value: String) {
            lines.append(name.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
        }
        field("algorithm", (algorithm ?? "-") + (featureSchemaVersion.map { " (feature schema \($0))" } ?? ""))
        field("updated", "\(updatedAt.formatted(.iso8601)) by \(actor)" + (reason.map { ": \($0)" } ?? ""))
        field("artifact", artifact?.sha256 ?? "-")
        field("metrics", Self.registryMetrics(metrics))
        guard let card else {
            field("card", "unreadable: \(cardError ?? "unknown reason")")
            return lines.joined(separator: "\n") + "\n"
        }
        field("card", cardURI?.path ?? "-")
        field("region", "\(card.region) (\(card.currency))")
        field(
            "trained",
            "\(card.createdAt.formatted(.iso8601)), \(card.trigger.kind.rawValue) (\(card.trigger.detail)), "
                + String(format: "%.1f s", card.trainingSeconds))
        let day = Date.ISO8601FormatStyle().year().month().day()
        field(
            "data",
            "\(card.dataWindow.firstLabelDate.formatted(day)) to \(card.dataWindow.lastLabelDate.formatted(day)): "
                + "\(card.rows.training) training rows, \(card.rows.validation) validation rows")
        field("features", "\(card.features.count): \(card.features.joined(separator: ", "))")
        lines.append("")
        lines += Self.segmentTable(card.metrics)
        lines.append("")
        let comparison = card.championComparison
        field(
            "champion",
            (comparison.accepted ? "accepted" : "rejected")
                + (comparison.championVersion.map {
                    " against version \($0) (tolerance \(GuardedMetric.mape.format(comparison.tolerance)))"
                } ?? " by absolute bounds (there was no champion)"))
        for line in comparison.reasons { field("", line) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The guarded metrics in the order people read them: the registry table's key metrics first.
    private static let metricOrder = RegistryTable.keyMetrics + GuardedMetric.allCases.filter { !RegistryTable.keyMetrics.contains($0) }

    /// The registry's metrics: the guarded ones in ``metricOrder`` and their format, then any other.
    private static func registryMetrics(_ metrics: [String: Double]) -> String {
        guard !metrics.isEmpty else { return "-" }
        let guarded = metricOrder.compactMap { metric in metrics[metric.rawValue].map { "\(metric.rawValue) \(metric.format($0))" } }
        let others = metrics.keys.filter { GuardedMetric(rawValue: $0) == nil }.sorted().map { name in
            "\(name) \(metrics[name].map { $0.rounded() == $0 ? String(format: "%.0f", $0) : String($0) } ?? "-")"
        }
        return (guarded + others).joined(separator: "  ")
    }

    /// One line per segment (overall first) with its rows and every guarded metric, aligned.
    private static func segmentTable(_ metrics: SegmentedMetrics) -> [String] {
        let segments =
            [("\(SegmentKind.overall.rawValue)=\(SegmentKind.overallValue)", metrics.overall)]
            + metrics.segments.sorted { $0.key < $1.key }.flatMap { kind, values in
                values.sorted { $0.key < $1.key }.map { ("\(kind.rawValue)=\($0.key)", $0.value) }
            }
        let header = ["SEGMENT", "ROWS"] + metricOrder.map { $0.rawValue.uppercased() }
        let cells = segments.map { name, values in
            [name, String(values.count)] + metricOrder.map { $0.format(values.value(of: $0)) }
        }
        let rows = [header] + cells
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).enumerated().map { column, cell in
                column == 0 ? cell.0.padding(toLength: cell.1, withPad: " ", startingAt: 0) : cell.0.leftPadded(cell.1)
            }.joined(separator: "  ")
        }
    }
}
