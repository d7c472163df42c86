import Foundation
import Kafka
import Schema

/// The live panel under the narration: records per stage with progress bars, the models of
/// every region, the experiment's latest verdict and the live accuracy.
struct DemoPanel {
    /// Messages per topic now.
    var topicMessages: [String: Int64]
    /// Raw records the sources will deliver in all.
    var expectedRaw: Int64
    /// What the topics showed.
    var observations: DemoObservations
    /// The regions.
    var regions: [String]
    /// The lag of the pipeline's consumer groups now.
    var lag: [KafkaConsumerLag]
    /// A region's model is this prefix plus the region in lower case.
    var modelNamePrefix: String

    /// The panel's lines.
    var lines: [String] {
        let count = { (topic: Topic) in topicMessages[topic.name] ?? 0 }
        let raw = count(.homesRaw), normalized = count(.homesNormalized), features = count(.homesFeatures)
        let requests = Int64(observations.predictions.count)
        var lines = [
            Self.stage("homes.raw", raw, of: max(expectedRaw, raw), note: "of \(expectedRaw) expected"),
            Self.stage("homes.normalized", normalized, of: max(raw, normalized), note: "canonical home versions (merges update homes)"),
            Self.stage("homes.features", features, of: normalized, note: "behind normalized: \(max(0, normalized - features))"),
            Self.stage("predictions", requests, of: max(requests, 1), note: "feedback \(count(.feedback))"),
        ]
        if !lag.isEmpty {
            lines.append(
                "lag          "
                    + lag.map { "\($0.group) \($0.total)" }.joined(separator: " | "))
        }
        let models = regions.map { region -> String in
            let champion = observations.champion(of: region, prefix: modelNamePrefix).map { "v\($0)" } ?? "training…"
            let challenger =
                observations.version(for: "challenger", of: region, prefix: modelNamePrefix).map { ", challenger v\($0)" } ?? ""
            let versions = observations.registry.versions(of: modelNamePrefix + region.lowercased()).count
            return "\(region) \(champion)\(challenger) (\(versions) versions)"
        }
        lines.append("models       " + models.joined(separator: " | "))
        let accuracy = regions.map { region in
            "\(region) "
                + (observations.events(named: "accuracy.live", region: region).last.map { DemoRun.percent($0.values["mape"]) } ?? "-")
        }
        lines.append("live MAPE    " + accuracy.joined(separator: " | "))
        let verdict = observations.events.last { $0.name == "ab.verdict" }
        lines.append(
            "experiment   "
                + (verdict.map {
                    "\($0.labels["region"] ?? "") \($0.labels["outcome"] ?? "") (A \(Int($0.values["championSamples"] ?? 0)), B \(Int($0.values["challengerSamples"] ?? 0)))"
                }
                    ?? "none yet")
                + "; alerts \(observations.events.filter { $0.kind == .alert }.count), dead letters \(observations.deadLetters.values.reduce(0, +))"
        )
        return lines
    }

    private static func stage(_ name: String, _ value: Int64, of total: Int64, note: String) -> String {
        let fraction = total > 0 ? Double(value) / Double(total) : 0
        return
            "\(name.padding(toLength: 17, withPad: " ", startingAt: 0)) \(DemoView.bar(fraction)) \(String(value).leftPadded(7))  \(note)"
    }
}
