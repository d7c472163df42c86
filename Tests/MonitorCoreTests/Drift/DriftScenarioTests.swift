import Features
import Foundation
import ML
import MonitorCore
import Schema
import Testing

/// Drift detection on real sales: the references are Ames (US) and Windsor (CA) as a champion's
/// card would hold them, and the live streams are drawn from the same sales, shifted or not.
@Suite("Drift detection on real data")
struct DriftScenarioTests {
    /// What a stream did to one region's watch.
    private struct Run {
        var checks = 0
        var featureChecks = 0
        var significant: [String: Int] = [:]
        /// The row (1-based) at which each feature's alert was raised.
        var raisedAt: [String: Int] = [:]
    }

    private func run(_ watch: inout RegionDrift, _ rows: [FeatureRow], settings: DriftSettings) -> Run {
        var run = Run()
        for (index, row) in rows.enumerated() {
            guard let check = watch.observe(row, settings: settings) else { continue }
            run.checks += 1
            run.featureChecks += check.measurements.count
            for measurement in check.measurements where measurement.level == .significant {
                run.significant[measurement.feature, default: 0] += 1
            }
            for feature in check.raised where run.raisedAt[feature] == nil { run.raisedAt[feature] = index + 1 }
        }
        return run
    }

    @Test("10,000 rows drawn from the reference raise no alert; the false-alarm rate per feature check is reported")
    func noFalseAlarms() async throws {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows()
        var watch = RegionDrift(champion: try fixture.champion(region: "US", rows: us), settings: fixture.settings.drift)
        let run = run(&watch, MonitorFixture.stream(from: us, count: 10_000, seed: 7), settings: fixture.settings.drift)
        let falseSignificant = run.significant.values.reduce(0, +)
        print(
            "drift null stream: 10000 rows, \(run.checks) checks x \(watch.features.count) features = \(run.featureChecks) feature checks, "
                + "\(falseSignificant) significant (rate \(Double(falseSignificant) / Double(max(run.featureChecks, 1)))), \(run.raisedAt.count) alerts \(run.significant)"
        )
        #expect(run.checks == (10_000 - fixture.settings.drift.minimumRows) / fixture.settings.drift.checkEveryRows + 1)
        #expect(run.raisedAt.isEmpty, "false alerts: \(run.raisedAt)")
    }

    @Test("living area ×1.3 in the US raises the living-area alert within 1,000 rows, and nothing in Canada")
    func livingAreaShift() async throws {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows(), ca = try fixture.caRows()
        var monitor = Monitor(settings: fixture.settings)
        monitor.install(try fixture.champion(region: "US", rows: us))
        monitor.install(try fixture.champion(region: "CA", rows: ca))
        let shifted = MonitorFixture.stream(from: us, count: 3_000, seed: 11) { row in
            row.features[FeatureName.livingArea] = row.features[FeatureName.livingArea].map { $0 * 1.3 }
        }
        let canada = MonitorFixture.stream(from: ca, count: 3_000, seed: 12)
        var alerts: [(row: Int, event: MonitoringEvent)] = [], commands: [ControlCommand] = []
        for index in 0..<3_000 {
            for output in monitor.observe(shifted[index]) + monitor.observe(canada[index]) {
                if let event = output as? MonitoringEvent, event.name == "drift.alert" { alerts.append((index + 1, event)) }
                if let command = output as? ControlCommand { commands.append(command) }
            }
        }
        let livingArea = try #require(alerts.first { $0.event.labels["feature"] == FeatureName.livingArea })
        print(
            "living area x1.3: alert after \(livingArea.row) US rows; all alerts \(alerts.map { "\($0.event.labels["feature"] ?? "")@\($0.row)" })"
        )
        #expect(livingArea.row <= 1_000)
        #expect(livingArea.event.labels["region"] == "US" && livingArea.event.severity == .error)
        #expect(!alerts.contains { $0.event.labels["region"] == "CA" })
        #expect(
            !alerts.contains {
                [FeatureName.bedrooms, FeatureName.builtYear, FeatureName.latitude].contains($0.event.labels["feature"] ?? "")
            })
        #expect(commands.count == 1, "one retrain, rate-limited however long the drift lasts")
        #expect(commands.first?.action == .retrain && commands.first?.target == "trainer" && commands.first?.arguments == ["region": "US"])
    }

    @Test("a category the champion never saw raises that feature's alert")
    func newCategory() async throws {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows()
        var watch = RegionDrift(champion: try fixture.champion(region: "US", rows: us), settings: fixture.settings.drift)
        var generator = SplitMix64(seed: 5)
        let stream = MonitorFixture.stream(from: us, count: 3_000, seed: 13) { row in
            if generator.next() % 3 == 0 { row.categorical[FeatureName.heating] = "geothermal" }
        }
        let run = run(&watch, stream, settings: fixture.settings.drift)
        print("new heating category in a third of the rows: alerts \(run.raisedAt)")
        let raised = try #require(run.raisedAt[FeatureName.heating])
        #expect(raised <= 1_250)
        #expect(Set(run.raisedAt.keys) == [FeatureName.heating])
    }

    @Test("square feet sent as square metres raise the living-area alert at the first possible check")
    func unitMistake() async throws {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows()
        var watch = RegionDrift(champion: try fixture.champion(region: "US", rows: us), settings: fixture.settings.drift)
        let stream = MonitorFixture.stream(from: us, count: 2_000, seed: 17) { row in
            row.features[FeatureName.livingArea] = row.features[FeatureName.livingArea].map { $0 / 0.09290304 }
        }
        let run = run(&watch, stream, settings: fixture.settings.drift)
        print("m² read as sq ft: alerts \(run.raisedAt)")
        let settings = fixture.settings.drift
        let firstPossible = settings.minimumRows + (settings.sustainedChecks - 1) * settings.checkEveryRows
        #expect(run.raisedAt[FeatureName.livingArea] == firstPossible)
    }

    @Test("the windows' state stays the same size over a long stream")
    func flatMemory() async throws {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows()
        var monitor = Monitor(settings: fixture.settings)
        monitor.install(try fixture.champion(region: "US", rows: us))
        let stream = MonitorFixture.stream(from: us, count: 50_000, seed: 19)
        for row in stream.prefix(2_000) { _ = monitor.observe(row) }
        let early = monitor.storedValues
        for row in stream.dropFirst(2_000) { _ = monitor.observe(row) }
        print("monitor state: \(early) values after 2,000 rows, \(monitor.storedValues) after 50,000")
        #expect(monitor.storedValues == early)
    }
}
