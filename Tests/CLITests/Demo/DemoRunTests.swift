import Foundation
import MonitorCore
import Schema
import Testing

@testable import HomePriceCLI

@Suite("homeprice demo: the whole loop, end to end on a small scenario")
struct DemoRunTests {
    static let regions = ["US", "CA", "DE"]

    @Test(
        "the real demo on a fresh cluster: a champion per region, every request answered, the feedback's accuracy per region, a drift alert after the market shift, the monitor's retrain, a challenger, an A/B verdict and the registry move it causes, and a report of the stages and the registry's history as the topics hold them",
        .timeLimit(.minutes(45)))
    func wholeLoop() async throws {
        let run = try await SmallDemoRun.run(timeout: .seconds(600))
        let narration = run.narration
        try #require(run.status == 0, "homeprice demo failed: \(run.errors)\n\(narration.suffix(30).joined(separator: "\n"))")
        let shift = try #require(narration.firstIndex { $0.hasPrefix("== 5. market shift") })
        let experiment = try #require(narration.firstIndex { $0.hasPrefix("== 6. A/B experiment") })
        let end = try #require(narration.firstIndex { $0.hasPrefix("== report") })
        try #require(shift < experiment && experiment < end, "the phases in order")

        // Champions: narrated for every region, promoted on models.registry.
        for region in Self.regions {
            let model = "homeprice-\(region.lowercased())"
            #expect(narration[..<shift].contains { $0.hasPrefix("\(region): champion \(model) v") }, "\(region)'s champion narrated")
            #expect(
                run.topics.registryEvents.contains { $0.modelName == model && $0.kind == .promoted && $0.alias == "champion" },
                "\(model)#champion on models.registry")
        }

        // Feedback: before the shift, the client's MAPE over its 100 answers per region and the
        // monitor's live MAPE over the same 100 joins (its window holds nothing else yet) agree.
        let accuracy =
            /^(US|CA|DE): MAPE ([0-9.]+) % over these ([0-9]+) sales \(model v[0-9]+\); the monitor's live MAPE ([0-9.]+) % over its last ([0-9]+) joins$/
        let before = narration[..<shift].compactMap { $0.wholeMatch(of: accuracy)?.output }
        #expect(before.map { String($0.1) }.sorted() == Self.regions.sorted(), "accuracy reported for every region: \(before.map(\.0))")
        for figures in before {
            #expect(figures.3 == "\(SmallDemoRun.requestsPerRegion)" && figures.5 == figures.3, "\(figures.0)")
            #expect(figures.2 == figures.4, "the monitor joined the feedback to the predictions: \(figures.0)")
            #expect(Double(figures.2).map { $0 > 0 && $0 < 100 } == true, "\(figures.0)")
        }
        #expect(narration[experiment..<end].contains { $0.wholeMatch(of: accuracy)?.output.1 == "DE" }, "DE's accuracy after the promotion")

        // Every request answered: none failed, each prediction id once on `predictions`.
        let answered =
            /^predictions: ([0-9]+) asked, ([0-9]+) answered; ([0-9]+) distinct prediction ids in ([0-9]+) messages on predictions/
        let counted = narration[end...].compactMap { $0.prefixMatch(of: answered)?.output }
        let counts = try #require(counted.first, "the report's predictions line")
        #expect(counts.1 == counts.2 && counts.2 == counts.3 && counts.3 == counts.4, "\(counts.0)")
        let phases = Self.regions.count * SmallDemoRun.requestsPerRegion + 2 * SmallDemoRun.shiftRequests + SmallDemoRun.experimentRequests
        #expect((Int(counts.1) ?? 0) >= phases, "every phase asked: \(counts.0)")
        #expect(narration[end...].contains("failed requests: 0"))

        // The shift: the monitor's drift alert on German inputs, narrated after the shift, and its
        // retrain command.
        let drift = try #require(narration[shift..<experiment].first { $0.hasPrefix("monitor: drift.alert in DE, sustained on ") })
        let alerted = Set(run.topics.events(named: "drift.alert", region: "DE").compactMap { $0.labels["feature"] })
        let narratedFeatures = drift.split(separator: ": ", maxSplits: 2).last.map { $0.components(separatedBy: ", ") } ?? []
        #expect(!narratedFeatures.isEmpty && Set(narratedFeatures).isSubset(of: alerted), "\(drift) vs drift.alert of \(alerted.sorted())")
        let retrain = try #require(
            run.topics.commands.first {
                $0.action == .retrain && $0.target == "trainer" && $0.arguments["region"] == "DE" && $0.issuedBy == "monitor"
            },
            "the monitor's retrain of DE on pipeline.control")
        #expect(narration[shift..<experiment].contains { $0.hasPrefix("control: retrain DE by monitor") })

        // Retraining: the challenger is the version that command trained.
        let challengerLine = /^trainer: homeprice-de v([0-9]+) validated by the gate, now the challenger/
        let challengers = narration[shift..<experiment].compactMap { $0.prefixMatch(of: challengerLine)?.output.1 }
        let challenger = try #require(challengers.first, "the challenger narrated")
        let alias = try #require(
            run.topics.registryEvents.first {
                $0.modelName == "homeprice-de" && $0.kind == .promoted && $0.alias == "challenger" && $0.version == String(challenger)
            })
        #expect(alias.reason?.contains(retrain.commandId) == true, "trained on the monitor's command: \(alias.reason ?? "")")

        // Experiments: each verdict on pipeline.monitoring and the registry move it caused.
        let experimentLine = /^experiment ([a-z0-9-]+): challenger v([0-9]+) → (challengerBetter|challengerWorse), p = [^;]+; (.+)$/
        let experiments = narration[end...].compactMap { $0.wholeMatch(of: experimentLine)?.output }
        try #require(experiments.first?.2 == challenger, "the first experiment tries the new challenger: \(experiments.map(\.0))")
        var moves: [ModelEvent] = []
        for (_, _, version, verdict, change) in experiments {
            #expect(
                run.topics.events(named: "ab.verdict", region: "DE").contains {
                    $0.labels["challenger"] == String(version) && $0.labels["outcome"] == String(verdict)
                }, "ab.verdict \(verdict) of v\(version) on pipeline.monitoring")
            let moved = run.topics.registryEvents.first { event in
                event.modelName == "homeprice-de" && event.actor == "control:monitor"
                    && (verdict == "challengerBetter"
                        ? event.kind == .promoted && event.alias == "champion" && event.version == String(version)
                        : event.kind == .rolledBack && event.alias == "challenger" && event.previousVersion == String(version))
            }
            #expect(moved != nil, "\(change) on models.registry")
            moves += moved.map { [$0] } ?? []
        }

        // The report page: the stages' counts as the broker holds them (of the topics nothing
        // writes to after the run), the accuracy per region, no failed request, and the
        // registry's history as models.registry holds it.
        let report = try #require(run.report, "the report page in the run's state folder")
        let stages = Dictionary(
            report.matches(of: /<tr><td>([a-z.]+)<\/td><td>([0-9]+)<\/td><\/tr>/).map { (String($0.output.1), Int64($0.output.2) ?? -1) },
            uniquingKeysWith: { first, _ in first })
        #expect(Set(stages.keys) == Set(Topic.allCases.map(\.name)))
        for topic in [Topic.homesRaw, .predictionRequests, .predictions, .feedback] {
            #expect(
                stages[topic.name] == run.topicMessages[topic.name] && (stages[topic.name] ?? 0) > 0,
                "\(topic.name): \(stages[topic.name] ?? -1)")
        }
        #expect((stages[Topic.homesNormalized.name] ?? 0) > 0 && (stages[Topic.homesFeatures.name] ?? 0) > 0)
        for region in Self.regions {
            #expect(report.contains(try Regex("<tr><td>\(region)</td><td>[0-9.]+ %</td>")), "\(region)'s accuracy in the report")
        }
        #expect(report.contains("Failed requests: 0."))
        #expect(narration[end...].contains("dead letters by stage: \(DemoReport.describe(run.topics.deadLetters))"))
        let section = try #require(report.firstRange(of: "<h2>Registry history</h2><ol>").map { report[$0.upperBound...] })
        let reported = section.prefix(upTo: section.firstRange(of: "</ol>")?.lowerBound ?? section.endIndex)
            .components(separatedBy: "</li>").map { $0.replacingOccurrences(of: "<li>", with: "") }.filter { !$0.isEmpty }
        let registry = run.topics.registryEvents.map { HTMLText.escape(DemoReport.describe($0)) }
        #expect(registry.starts(with: reported), "the report's registry history is models.registry's")
        for event in moves + [alias]
            + Self.regions.compactMap({ region in
                run.topics.registryEvents.first { $0.modelName == "homeprice-\(region.lowercased())" && $0.alias == "champion" }
            })
        {
            #expect(reported.contains(HTMLText.escape(DemoReport.describe(event))), "\(DemoReport.describe(event)) in the report")
        }
    }
}
