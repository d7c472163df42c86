import Foundation
import ML
import MonitorCore
import Schema
import Testing

@Suite("Monitor core")
struct MonitorTests {
    @Test("served prices far above the champion's validation predictions raise a prediction-drift alert, but no retrain")
    func predictionDrift() async throws {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows()
        var monitor = Monitor(settings: fixture.settings)
        monitor.install(try fixture.champion(region: "US", rows: us))
        let prices = us.compactMap(\.target)
        var alerts: [MonitoringEvent] = [], commands: [ControlCommand] = []
        for index in 0..<1_500 {
            let prediction = PredictionJoinTests.prediction(
                "p\(index)", value: prices[index % prices.count] * 1.5, at: Double(index) * 60)
            for output in monitor.observe(prediction) {
                if let event = output as? MonitoringEvent, event.name == "drift.alert" { alerts.append(event) }
                if let command = output as? ControlCommand { commands.append(command) }
            }
        }
        #expect(alerts.count == 1)
        #expect(alerts.first?.labels["subject"] == "predictions" && alerts.first?.labels["feature"] == "prediction")
        #expect(commands.isEmpty, "prediction drift alone is reported, not retrained on")
    }

    @Test("predictions of another version than the champion are not compared with its reference")
    func otherVersionPredictions() async throws {
        let fixture = try await MonitorFixture()
        var monitor = Monitor(settings: fixture.settings)
        monitor.install(try fixture.champion(region: "US", rows: try fixture.usRows()))
        for index in 0..<1_500 {
            var prediction = PredictionJoinTests.prediction("p\(index)", value: 1e9, at: Double(index))
            prediction.modelVersion = "2"
            _ = monitor.observe(prediction)
        }
        #expect(monitor.regions["US"]?.predictions.countWindow.count == 0)
        #expect(monitor.health.predictions["US"] == 1_500)
    }

    @Test(
        "predictions evicted unscored by the join's size cap, and sale prices dropped by it, are reported on pipeline.monitoring at the 1st, 2nd, 4th, 8th… drop, never one per drop"
    )
    func joinDropsAreReported() async throws {
        let fixture = try await MonitorFixture()
        var settings = fixture.settings
        settings.accuracy.join = JoinSettings(timeToLive: 1e9, maximumPredictions: 10, maximumPendingFeedback: 10)
        var monitor = Monitor(settings: settings)
        var reports: [MonitoringEvent] = []
        for index in 0..<30 {
            for case let event as MonitoringEvent in monitor.observe(
                PredictionJoinTests.prediction("p\(index)", value: 1e5, at: Double(index)))
            where event.name == "accuracy.joinDropped" {
                reports.append(event)
            }
        }
        #expect(monitor.accuracy.join.counters.evictedPredictions == 20)
        #expect(reports.map { $0.values["evictedPredictions"] } == [1, 2, 4, 8, 16])
        #expect(reports.allSatisfy { $0.severity == .warning && $0.labels["dropped"] == "evictedPredictions" })
        #expect(reports.first?.message?.contains("monitor.accuracy.join.maximumPredictions (10)") == true)

        // Sale prices of predictions never seen, beyond the cap of 10 waiting: reported alike.
        var feedbackReports: [MonitoringEvent] = []
        for index in 0..<15 {
            for case let event as MonitoringEvent in monitor.observe(PredictionJoinTests.sale("unknown-\(index)", at: 30 + Double(index)))
            where event.name == "accuracy.joinDropped" {
                feedbackReports.append(event)
            }
        }
        #expect(monitor.accuracy.join.counters.droppedFeedback == 5)
        #expect(feedbackReports.map { $0.values["droppedFeedback"] } == [1, 2, 4])
        #expect(feedbackReports.allSatisfy { $0.labels["dropped"] == "droppedFeedback" })
    }

    @Test("dead letters are counted per stage and reason, rows and predictions per region")
    func pipelineHealth() async throws {
        let fixture = try await MonitorFixture()
        var monitor = Monitor(settings: fixture.settings)
        let letter = DeadLetter(
            originalKey: "k", originalPayload: "{", originalPayloadEncoding: .utf8, stage: .preprocessing, service: "preprocessor-0",
            reasons: [
                FailureReason(code: "schema.invalidJSON", message: "bad"), FailureReason(code: "preprocessor.unknownRegion", message: "XX"),
            ],
            failedAt: Date())
        monitor.observe(letter)
        monitor.observe(letter)
        for row in try fixture.caRows().prefix(3) { _ = monitor.observe(row) }
        #expect(monitor.health.deadLetters == ["preprocessing": ["schema.invalidJSON": 2, "preprocessor.unknownRegion": 2]])
        #expect(monitor.health.featureRows == ["CA": 3])
    }

    @Test("a new champion version starts with empty windows; the same version keeps them")
    func championChange() async throws {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows()
        var monitor = Monitor(settings: fixture.settings)
        monitor.install(try fixture.champion(region: "US", rows: us))
        for row in MonitorFixture.stream(from: us, count: 100, seed: 1) { _ = monitor.observe(row) }
        monitor.install(try fixture.champion(region: "US", rows: us))
        #expect(monitor.regions["US"]?.features.first?.countWindow.count == 100)
        monitor.install(try fixture.champion(region: "US", rows: us, version: "2"))
        #expect(monitor.regions["US"]?.features.first?.countWindow.count == 0)
        #expect(monitor.regions["US"]?.champion.version == "2")
    }
}

@Suite("Monitor A/B actions")
struct MonitorExperimentTests {
    /// Joins for region US: arm A (version 1) off by 20 %, arm B (version 2) off by `challengerError`.
    private func run(challengerError: Double, act: Bool) async throws -> [ControlCommand] {
        let fixture = try await MonitorFixture()
        var settings = fixture.settings
        settings.alerts.actOnVerdicts = act
        var monitor = Monitor(settings: settings)
        return experiment(on: &monitor, versions: ("1", "2"), errors: (0.2, challengerError), from: 0)
    }

    /// 600 joins for region US alternating arm A (`versions.a`, off by `errors.a`) and arm B
    /// (`versions.b`, off by `errors.b`), prediction ids from `first`; the commands sent.
    /// `lateB`: every tenth arm-B join is late feedback for that version instead.
    private func experiment(
        on monitor: inout Monitor, versions: (a: String, b: String), errors: (a: Double, b: Double), from first: Int,
        lateB: String? = nil
    ) -> [ControlCommand] {
        var generator = SplitMix64(seed: 9)
        var commands: [ControlCommand] = []
        for index in first..<first + 600 {
            let arm: ExperimentArm = index % 2 == 0 ? .a : .b
            var prediction = PredictionJoinTests.prediction("p\(index)", value: 100, at: Double(index), arm: arm)
            prediction.modelVersion = arm == .a ? versions.a : versions.b
            if arm == .b, let lateB, index % 10 == 1 { prediction.modelVersion = lateB }
            let error = (arm == .a ? errors.a : errors.b) * Double.random(in: 0.5..<1.5, using: &generator)
            for output in monitor.observe(prediction)
                + monitor.observe(PredictionJoinTests.sale("p\(index)", price: 100 * (1 + error), at: Double(index)))
            {
                if let command = output as? ControlCommand { commands.append(command) }
            }
        }
        return commands
    }

    @Test(
        "the next experiment judges its own challenger, late feedback for the last one aside: the old champion back as challenger, worse, is rolled back by its version"
    )
    func nextExperimentJudgesItsOwnChallenger() async throws {
        let fixture = try await MonitorFixture()
        var settings = fixture.settings
        settings.alerts.actOnVerdicts = true
        var monitor = Monitor(settings: settings)
        let first = experiment(on: &monitor, versions: ("1", "2"), errors: (0.2, 0.1), from: 0)
        #expect(first.map(\.commandId) == ["monitor-promote-homeprice-us-2"])
        // Version 2 is the champion now (arm A); version 1 is tried again as the challenger.
        // Late feedback for version 2's arm-B predictions of the first experiment keeps arriving.
        let second = experiment(on: &monitor, versions: ("2", "1"), errors: (0.1, 0.2), from: 600, lateB: "2")
        #expect(second.map(\.commandId) == ["monitor-rollback-homeprice-us-1"])
        #expect(second.first?.arguments == ["model": "homeprice-us", "version": "1", "alias": "challenger"])
    }

    @Test("a significantly better challenger is promoted once, with its model and version")
    func promotesBetterChallenger() async throws {
        let commands = try await run(challengerError: 0.1, act: true)
        #expect(commands.count == 1)
        #expect(commands.first?.action == .promote && commands.first?.target == "server")
        #expect(commands.first?.arguments == ["model": "homeprice-us", "version": "2", "alias": "champion"])
        #expect(commands.first?.commandId == "monitor-promote-homeprice-us-2")
    }

    @Test("a significantly worse challenger is rolled back; equal arms and the default configuration send nothing")
    func rollsBackOrStaysQuiet() async throws {
        let worse = try await run(challengerError: 0.35, act: true)
        #expect(worse.map(\.action) == [.rollback] && worse.first?.arguments["alias"] == "challenger")
        #expect(try await run(challengerError: 0.2, act: true).isEmpty)
        #expect(try await run(challengerError: 0.1, act: false).isEmpty)
    }
}
