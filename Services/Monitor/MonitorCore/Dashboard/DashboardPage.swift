import Foundation
import Kafka
import ModelRegistry
import Schema

/// The dashboard, one server-rendered HTML page: pipeline overview, drift per region and
/// feature (reference and live histograms side by side), live accuracy and the A/B verdict,
/// the model registry, and the review queue with approve / reject buttons.
public enum DashboardPage {
    /// The page of `data`.
    public static func render(_ data: DashboardData) -> String {
        let monitor = data.monitor
        var html = """
            <!doctype html><html><head><meta charset="utf-8"><title>HomePrice monitor</title>
            <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
            .significant{background:#f8d0c8}.moderate{background:#fbeec1}.legend span{padding:0 6px}</style></head><body>
            <h1>HomePrice monitor</h1>
            """
        html += section("Pipeline", pipeline(monitor.health, lag: data.lag))
        html += section("Drift", drift(monitor))
        html += section("Live accuracy", accuracy(monitor))
        html += section("Model registry", registry(data.registry))
        html += section("Review queue", reviews(data.openReviews))
        html += "</body></html>"
        return html
    }

    private static func section(_ title: String, _ body: String) -> String {
        "<section id=\"\(title.lowercased().replacingOccurrences(of: " ", with: "-"))\"><h2>\(title)</h2>\(body)</section>"
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p>Nothing yet.</p>" }
        let head = header.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined()
        return "<table><tr>\(head)</tr>\(body)</table>"
    }

    private static func pipeline(_ health: PipelineHealth, lag: [KafkaConsumerLag]) -> String {
        var sources = table(
            ["source", "raw records", "last seen"],
            health.sources.sorted { $0.key < $1.key }.map { source, flow in
                [HTMLText.escape(source), "\(flow.records)", flow.lastSeen.map { ISO8601DateFormatter().string(from: $0) } ?? "-"]
            })
        sources = "<h3>Sources</h3>" + sources + "<h3>Regions</h3>"
        let regions = Set(health.featureRows.keys).union(health.predictions.keys).sorted()
        var html =
            sources
            + table(
                ["region", "feature rows", "predictions"],
                regions.map { [HTMLText.escape($0), "\(health.featureRows[$0] ?? 0)", "\(health.predictions[$0] ?? 0)"] })
        html += "<p>Feedback seen: \(health.feedback)</p><h3>Services</h3>"
        html += table(
            ["service", "crashes", "restarts", "broker outages", "longest outage"],
            Set(health.crashes.keys).union(health.restarts.keys).union(health.brokerOutages.keys).sorted().map {
                [
                    HTMLText.escape($0), "\(health.crashes[$0] ?? 0)", "\(health.restarts[$0] ?? 0)",
                    "\(health.brokerOutages[$0]?.count ?? 0)",
                    health.brokerOutages[$0].map { "\($0.longestSeconds) s" } ?? "-",
                ]
            })
        html += "<h3>Consumer lag</h3>"
        html += table(
            ["group", "topic", "messages behind"],
            lag.map { [HTMLText.escape($0.group), HTMLText.escape($0.topic), "\($0.total)"] })
        html += "<h3>Dead letters</h3>"
        html += table(
            ["stage", "reason", "count"],
            health.deadLetters.sorted { $0.key < $1.key }.flatMap { stage, reasons in
                reasons.sorted { $0.key < $1.key }.map { [HTMLText.escape(stage), HTMLText.escape($0.key), "\($0.value)"] }
            })
        return html
    }

    private static func drift(_ monitor: Monitor) -> String {
        var html =
            "<p class=\"legend\"><span style=\"color:#7a8fa6\">■ training reference</span><span style=\"color:#d9822b\">■ live window</span></p>"
        for (region, watch) in monitor.regions.sorted(by: { $0.key < $1.key }) {
            html +=
                "<h3>\(HTMLText.escape(region)) — \(HTMLText.escape(watch.champion.modelName))@\(HTMLText.escape(watch.champion.version))</h3>"
            let checks =
                (monitor.latestFeatureChecks[region]?.measurements ?? []) + (monitor.latestPredictionChecks[region]?.measurements ?? [])
            let levels = Dictionary(checks.map { ($0.feature, $0) }) { $1 }
            var rows: [[String]] = []
            for feature in watch.features + [watch.predictions] {
                let measurement = levels[feature.reference.name]
                rows.append([
                    HTMLText.escape(feature.reference.name),
                    measurement.map { "<span class=\"\($0.level.rawValue)\">\($0.level.rawValue)</span>" } ?? "not checked",
                    measurement.map { String(format: "%.3f", $0.psi) } ?? "",
                    measurement.map { String(format: "%.3f", $0.jensenShannon) } ?? "",
                    measurement?.kolmogorovSmirnov.map { String(format: "%.3f (p %.3g)", $0.statistic, $0.pValue) } ?? "",
                    "\(feature.countWindow.count)", "\(feature.timeWindow.count)",
                    SVGChart.histogram(
                        reference: SVGChart.shares(feature.groups.grouped(feature.reference.counts)),
                        live: SVGChart.shares(feature.groups.grouped(feature.countWindow.counts))),
                ])
            }
            html += table(["feature", "level", "PSI", "JS", "KS (p)", "rows", "rows in time window", "reference vs live"], rows)
        }
        return monitor.regions.isEmpty ? "<p>No champion loaded yet.</p>" : html
    }

    private static func accuracy(_ monitor: Monitor) -> String {
        let history = monitor.accuracy.history
        var html = table(
            ["region", "model", "version", "arm", "joined", "MAE", "MAPE", "median APE", "MAPE over time"],
            monitor.accuracy.figures.sorted { $0.key < $1.key }.map { key, figures in
                [
                    HTMLText.escape(key.region), HTMLText.escape(key.modelName), HTMLText.escape(key.modelVersion), key.arm.rawValue,
                    "\(figures.count)", String(format: "%.0f", figures.mae), String(format: "%.1f%%", figures.mape * 100),
                    String(format: "%.1f%%", figures.medianAPE * 100), SVGChart.line(history[key] ?? []),
                ]
            })
        let counters = monitor.accuracy.join.counters
        html +=
            "<p>Join: \(counters.joined) joined, \(counters.duplicateFeedback) duplicate, \(counters.droppedFeedback) feedback dropped, \(counters.expiredPredictions + counters.evictedPredictions) predictions dropped unscored.</p>"
        html += "<h3>A/B experiments (Mann–Whitney U on absolute percentage errors)</h3>"
        html += table(
            ["region", "A samples", "B samples", "A median APE", "B median APE", "p-value", "verdict"],
            monitor.latestAccuracyChecks.keys.sorted().map { region in
                let verdict = monitor.accuracy.verdict(region: region)
                return [
                    HTMLText.escape(region), "\(verdict.championSamples)", "\(verdict.challengerSamples)",
                    String(format: "%.1f%%", verdict.championMedianAPE * 100), String(format: "%.1f%%", verdict.challengerMedianAPE * 100),
                    verdict.test.map { String(format: "%.3g", $0.pValue) } ?? "", verdict.outcome.rawValue,
                ]
            })
        return html
    }

    private static func registry(_ state: RegistryState) -> String {
        table(
            ["model", "version", "lifecycle", "aliases", "MAPE", "updated"],
            state.models.flatMap { model in
                let aliases = state.aliases(of: model)
                return state.versions(of: model).reversed().map { version in
                    [
                        HTMLText.escape(model), HTMLText.escape(version.version), version.lifecycle.rawValue,
                        HTMLText.escape(aliases.filter { $0.version == version.version }.map(\.alias).joined(separator: ", ")),
                        version.metrics["mape"].map { String(format: "%.1f%%", $0 * 100) } ?? "",
                        ISO8601DateFormatter().string(from: version.updatedAt),
                    ]
                }
            })
    }

    private static func reviews(_ tasks: [ReviewTask]) -> String {
        table(
            ["task", "kind", "question", "subjects", "evidence", "decision"],
            tasks.map { task in
                let id = HTMLText.escape(task.taskId)
                let evidence = task.details.sorted { $0.key < $1.key }.map { "\(HTMLText.escape($0.key)): \(HTMLText.escape($0.value))" }
                return [
                    id, task.kind.rawValue, HTMLText.escape(task.summary), HTMLText.escape(task.subjectIds.joined(separator: " | ")),
                    evidence.joined(separator: "<br>"),
                    "<form method=\"post\" action=\"/review/\(id)/approve\"><button id=\"approve-\(id)\">approve</button></form>"
                        + "<form method=\"post\" action=\"/review/\(id)/reject\"><button id=\"reject-\(id)\">reject</button></form>",
                ]
            })
    }
}
