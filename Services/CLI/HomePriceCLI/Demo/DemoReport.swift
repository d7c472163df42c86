import Foundation
import MonitorCore
import Schema

/// The main job's final report: per-stage counts, dead letters, review tasks, per-region
/// accuracy before and after the shift, the experiment's outcome and the registry's history;
/// as terminal text and as an HTML page with plots.
struct DemoReport: Sendable {
    /// Messages per topic at the end of the run.
    var topicMessages: [String: Int64]
    /// Distinct canonical homes on `homes.normalized`.
    var canonicalHomes: Int
    /// Distinct review tasks on `review.tasks` by kind.
    var reviewTasks: [String: Int]
    /// What the topics showed.
    var observations: DemoObservations
    /// What the phases measured.
    var outcome: DemoOutcome
    /// How long the run took.
    var seconds: Double
    /// The shift region and factor, for the headings.
    var shiftRegion: String
    var priceFactor: Double

    /// The terminal lines.
    var lines: [String] {
        var lines = ["== report (\(Int(seconds)) s) =="]
        lines.append("stages (messages per topic):")
        for topic in Topic.allCases {
            lines.append("  \(topic.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(topicMessages[topic.name] ?? 0)")
        }
        let raw = topicMessages[Topic.homesRaw.name] ?? 0
        lines.append(
            "entity resolution: \(raw) raw records → \(canonicalHomes) canonical homes (\(max(0, Int(raw) - canonicalHomes)) records merged into others or dead-lettered); review tasks raised: \(Self.describe(reviewTasks))"
        )
        lines.append(
            "dead letters by stage: "
                + Self.describe(observations.deadLetters))
        lines.append("live accuracy (MAPE):")
        for region in outcome.regions {
            let after = outcome.after[region].map { ", after the shift and the promotion \(DemoRun.percent($0))" } ?? ""
            lines.append("  \(region): before the shift \(DemoRun.percent(outcome.before[region]))\(after)")
        }
        lines += outcome.experiments.map { "experiment \(Self.describe($0))" }
        lines += robustness
        lines.append("failed requests: \(outcome.failedRequests.count)")
        for failure in outcome.failedRequests.prefix(5) { lines.append("  failed: \(failure)") }
        lines.append("registry history:")
        lines += observations.registryEvents.map { "  \(Self.describe($0))" }
        return lines
    }

    /// Delivery and faults: answered predictions (each id once downstream, duplicates counted),
    /// the services chaos mode killed and the restarts the supervisor reported, retried attempts.
    var robustness: [String] {
        let messages = topicMessages[Topic.predictions.name] ?? 0
        var lines = [
            "predictions: \(outcome.askedPredictions) asked, \(outcome.answeredPredictions) answered; \(observations.predictions.count) distinct prediction ids in \(messages) messages on predictions (a repeat carries the same id: consumers keep the latest per id)"
        ]
        if !outcome.kills.isEmpty {
            let restarts = observations.events.filter { $0.name == "service.restarted" }.count
            lines.append(
                "chaos: SIGKILL \(outcome.kills.map(\.service).joined(separator: ", ")); \(restarts) restarts reported by the supervisor; \(outcome.retriedAttempts) HTTP attempts retried; \(outcome.republishedRequests) HTTP answers never published on predictions (the server killed before its publishing queue sent them) asked again"
            )
        }
        return lines
    }

    /// The HTML page.
    var html: String {
        var page = """
            <!doctype html><html><head><meta charset="utf-8"><title>HomePrice run report</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}</style>
            </head><body><h1>HomePrice: the whole loop</h1>
            """
        page +=
            "<p>\(Int(seconds)) s; market shift: \(HTMLText.escape(shiftRegion)) prices ×\(priceFactor), a new agency writing square feet.</p>"
        page += "<h2>Stages</h2><table><tr><th>topic</th><th>messages</th></tr>"
        for topic in Topic.allCases { page += "<tr><td>\(topic.name)</td><td>\(topicMessages[topic.name] ?? 0)</td></tr>" }
        page += "</table><p>\(canonicalHomes) canonical homes; review tasks: \(HTMLText.escape(Self.describe(reviewTasks))); dead letters: "
        page +=
            observations.deadLetters.isEmpty
            ? "none" : observations.deadLetters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        page +=
            "</p><h2>Live accuracy</h2><table><tr><th>region</th><th>MAPE before the shift</th><th>after</th><th>MAPE over time</th></tr>"
        for region in outcome.regions {
            let trend = observations.events(named: "accuracy.live", region: region).compactMap { $0.values["mape"] }
            page +=
                "<tr><td>\(HTMLText.escape(region))</td><td>\(DemoRun.percent(outcome.before[region]))</td><td>\(outcome.after[region].map { DemoRun.percent($0) } ?? "")</td><td>\(SVGChart.line(trend))</td></tr>"
        }
        page += "</table><h2>Alerts and verdicts</h2><ul>"
        for event in observations.events where event.name != "accuracy.live" {
            page += "<li>\(HTMLText.escape("\(event.name) \(event.labels["region"] ?? "") \(event.message ?? "")"))</li>"
        }
        page += "</ul><h2>Experiments</h2><ul>"
        for experiment in outcome.experiments { page += "<li>\(HTMLText.escape(Self.describe(experiment)))</li>" }
        page += "</ul><p>" + robustness.map(HTMLText.escape).joined(separator: "<br>")
        page += "<br>Failed requests: \(outcome.failedRequests.count).</p><h2>Registry history</h2><ol>"
        for event in observations.registryEvents { page += "<li>\(HTMLText.escape(Self.describe(event)))</li>" }
        page += "</ol></body></html>\n"
        return page
    }

    /// Counts by name as `name count, …`, or `none`.
    static func describe(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// One experiment as a line.
    static func describe(_ experiment: DemoExperiment) -> String {
        let p = experiment.pValue.map { String(format: ", p = %.2g", $0) } ?? ""
        return "\(experiment.id): challenger v\(experiment.challenger) → \(experiment.verdict)\(p); \(experiment.registryChange)"
    }

    /// One registry event as a line.
    static func describe(_ event: ModelEvent) -> String {
        let target = event.alias.map { "#\($0) → v\(event.version)" } ?? " v\(event.version)"
        let mape = event.metrics["mape"].map { ", MAPE \(DemoRun.percent($0))" } ?? ""
        return "\(event.modelName)\(target) \(event.kind.rawValue) by \(event.actor)\(mape)\(event.reason.map { ": \($0)" } ?? "")"
    }
}
