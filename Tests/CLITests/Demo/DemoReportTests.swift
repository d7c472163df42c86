import Foundation
import ModelRegistry
import Scenario
import Schema
import Testing

@testable import HomePriceCLI

@Suite("homeprice demo: what it observes and reports")
struct DemoReportTests {
    private static let time = Date(timeIntervalSince1970: 1_790_000_000)

    /// A run's topics: DE v1 champion, v2 the challenger, promoted by the monitor's verdict;
    /// live accuracy before and after; one serving dead letter.
    private static func observations() -> DemoObservations {
        var observations = DemoObservations()
        let artifact = ArtifactReference(sha256: String(repeating: "a", count: 64), uri: URL(fileURLWithPath: "/tmp/a"))
        for version in ["1", "2"] {
            let registered = ModelEvent.registered(
                modelName: "homeprice-de", version: version, algorithm: "gbm", featureSchemaVersion: 1, artifact: artifact,
                card: artifact, metrics: ["mape": version == "1" ? 0.123 : 0.101], actor: "trainer-0", at: time)
            observations.record(registered)
            observations.record(ModelEvent.validated(ModelVersion(registered)!, actor: "trainer-0", at: time))
        }
        observations.record(
            ModelEvent.promoted(
                modelName: "homeprice-de", alias: "champion", version: "1", previousVersion: nil, actor: "trainer-0", reason: nil, at: time)
        )
        observations.record(
            ModelEvent.promoted(
                modelName: "homeprice-de", alias: "challenger", version: "2", previousVersion: nil, actor: "trainer-0", reason: nil,
                at: time))
        for (mape, version) in [(0.10, "1"), (0.16, "1"), (0.09, "2")] {
            observations.record(
                MonitoringEvent(
                    service: "monitor", kind: .metric, name: "accuracy.live", values: ["mape": mape, "count": 150],
                    labels: ["region": "DE", "model": "homeprice-de", "version": version, "arm": "default"], at: time))
        }
        observations.record(
            MonitoringEvent(
                service: "monitor", kind: .metric, name: "ab.verdict",
                values: ["pValue": 0.001, "championSamples": 300, "challengerSamples": 290],
                labels: ["region": "DE", "outcome": "challengerBetter"], message: "DE A/B: challengerBetter", at: time))
        observations.record(
            MonitoringEvent(service: "normalizer", kind: .metric, name: "normalizer.unmappedTerms", at: time))
        observations.record(
            ModelEvent.promoted(
                modelName: "homeprice-de", alias: "champion", version: "2", previousVersion: "1", actor: "server", reason: "A/B", at: time))
        observations.record(
            DeadLetter(
                originalKey: "r1", originalPayload: "{", originalPayloadEncoding: .utf8, stage: .serving, service: "server",
                reasons: [FailureReason(field: "features", code: "invalid", message: "bad")], failedAt: time))
        return observations
    }

    @Test("the topics build the registry, keep the reported events only and count dead letters by stage")
    func observationsFollowTheTopics() {
        let observations = Self.observations()
        #expect(observations.champion(of: "DE", prefix: "homeprice-") == "2")
        #expect(observations.registryEvents.count == 7)
        #expect(observations.events.map(\.name) == ["accuracy.live", "accuracy.live", "accuracy.live", "ab.verdict"])
        #expect(observations.latestAccuracy(region: "DE", arm: .defaultRoute, version: "1")?.values["mape"] == 0.16)
        #expect(observations.latestAccuracy(region: "DE", arm: .defaultRoute, version: "2")?.values["mape"] == 0.09)
        #expect(observations.latestAccuracy(region: "DE", arm: .defaultRoute, version: "2", since: Self.time.addingTimeInterval(1)) == nil)
        #expect(observations.deadLetters == ["serving": 1])
    }

    @Test("the report states counts, accuracy before and after, the verdict and the registry's history, in text and HTML")
    func report() {
        var outcome = DemoOutcome(regions: ["US", "DE"])
        outcome.before = ["US": 0.158, "DE": 0.103]
        outcome.after = ["DE": 0.09]
        outcome.experiments = [
            DemoExperiment(
                id: "de-shift-1", challenger: "2", verdict: "challengerBetter", pValue: 0.0001,
                registryChange: "homeprice-de#champion → v2 (promoted)"),
            DemoExperiment(
                id: "de-recheck-2", challenger: "1", verdict: "challengerWorse", pValue: 0.002,
                registryChange: "homeprice-de#challenger → v2 (rolledBack)"),
        ]
        outcome.askedPredictions = 451
        outcome.answeredPredictions = 450
        outcome.retriedAttempts = 3
        outcome.kills = [
            DemoChaos.Kill(service: "normalizer", pid: 11, at: Self.time), DemoChaos.Kill(service: "server", pid: 12, at: Self.time),
        ]
        let report = DemoReport(
            topicMessages: ["homes.raw": 6_397, "homes.normalized": 7_100], canonicalHomes: 3_900,
            reviewTasks: ["ambiguousDuplicate": 12, "lowConfidencePrediction": 40],
            observations: Self.observations(), outcome: outcome, seconds: 312, shiftRegion: "DE", priceFactor: 1.15)
        let text = report.lines.joined(separator: "\n")
        #expect(text.contains("6397 raw records → 3900 canonical homes"))
        #expect(text.contains("review tasks raised: ambiguousDuplicate 12, lowConfidencePrediction 40"))
        #expect(text.contains("DE: before the shift 10.3 %, after the shift and the promotion 9.0 %"))
        #expect(text.contains("US: before the shift 15.8 %\n"))
        #expect(text.contains("experiment de-shift-1: challenger v2 → challengerBetter, p = 0.0001; homeprice-de#champion → v2 (promoted)"))
        #expect(
            text.contains("experiment de-recheck-2: challenger v1 → challengerWorse, p = 0.002; homeprice-de#challenger → v2 (rolledBack)"))
        #expect(text.contains("failed requests: 0"))
        #expect(text.contains("predictions: 451 asked, 450 answered; 0 distinct prediction ids in 0 messages"))
        #expect(
            text.contains(
                "chaos: SIGKILL normalizer, server; 0 restarts reported by the supervisor; 3 HTTP attempts retried; 0 HTTP answers never published"
            ))
        #expect(text.contains("serving 1"))
        #expect(text.contains("homeprice-de#champion → v2 promoted by server: A/B"))
        let html = report.html
        #expect(html.contains("<svg class=\"trend\"") && html.contains("<polyline"), "accuracy over time is plotted")
        #expect(html.contains("<li>homeprice-de#champion → v2 promoted by server: A/B</li>"))
        #expect(html.hasPrefix("<!doctype html>") && html.hasSuffix("</html>\n"))
    }

    @Test("the client stream spreads routes by the configured shares and keeps each home's client")
    func asks() throws {
        var heldOut = try HeldOutHomes(
            seed: 42, scenarioHomes: 100,
            seedData: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data"))
        let settings = DemoSettings.Client(
            requestsPerRegion: 100, httpShare: 0.5, rawRecordShare: 0.3, clients: 7, batchSize: 10, retries: 0,
            retryDelay: .milliseconds(1), requestTimeout: .seconds(1))
        let us = DemoAsks(settings: settings).asks(for: try heldOut.take(100, of: .us), phase: "before", priceFactor: 1.15)
        let routes = Dictionary(us.map { ($0.route, 1) }, uniquingKeysWith: +)
        #expect(routes == [.kafka: 50, .httpRawRecord: 15, .httpFeatures: 35])
        #expect(us.allSatisfy { $0.clientId == "client-\($0.home.index % 7)" && $0.truePrice == $0.home.price * 1.15 })
        #expect(Set(us.map(\.requestId)).count == 100 && us[0].requestId == "demo-before-us-0")
        #expect(us.first { $0.route == .httpRawRecord }?.rawSource == .usAgencyFlat)
        let ca = DemoAsks(settings: settings).asks(for: try heldOut.take(20, of: .ca), phase: "before")
        #expect(!ca.contains { $0.route == .httpRawRecord }, "Canada's sources are CSV and XML: features instead")
    }
}
