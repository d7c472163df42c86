import Configuration
import Features
import Foundation
import Kafka
import ModelRegistry
import MonitorCore
import MonitorServer
import Pipeline
import Schema
import ServiceSupport
import Synchronization
import TestSupport
import Testing

/// The dashboard in a real browser: headless Chromium driven by selenium
/// (`scripts/browser/dashboard.py`), against the monitor's real wiring on tansu.
@Suite("Monitor dashboard in headless Chromium")
struct DashboardBrowserTests {
    /// Chromium's driver and selenium (`scripts/setup` installs both).
    static var browserAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") && seleniumPath != nil
    }

    /// The Python path that imports selenium: the project's `.venv`, or `SELENIUM_PYTHONPATH`.
    static var seleniumPath: String? {
        let python = TestProject.layout.root.appendingPathComponent(".venv/bin/python").path
        let extra = ProcessInfo.processInfo.environment["SELENIUM_PYTHONPATH"] ?? ""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import selenium"]
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONPATH": extra]) { $1 }
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? extra : nil
    }

    @Test(
        "every section loads, the drift plots render as non-empty SVG, and an approval clicked in the browser reaches review.tasks",
        .enabled(if: browserAvailable, "needs chromium-driver and selenium (scripts/setup)"))
    func dashboardInBrowser() async throws {
        var fixture = try await MonitorFixture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        fixture.configuration.artifactsDirectory = folder
        fixture.configuration.httpPort = 0
        let us = try fixture.usRows()
        let store = try ArtifactStore(directory: folder)
        let card = try store.put(try fixture.card(region: "US", rows: us))
        let model = try store.put(Data("model file".utf8))
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let registered = ModelEvent.registered(
            modelName: "homeprice-us", version: "1", algorithm: "gbt", featureSchemaVersion: FeatureSchema.version, artifact: model,
            card: card, metrics: ["mape": 0.12], actor: "trainer", at: at)
        let events: [any SchemaMessage] = [
            registered, ModelEvent.validated(try #require(ModelVersion(registered)), actor: "trainer", at: at),
            ModelEvent.promoted(
                modelName: "homeprice-us", alias: "champion", version: "1", previousVersion: nil, actor: "trainer", reason: nil, at: at),
            ReviewTask(
                taskId: "dup-1", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home?",
                createdBy: "normalizer",
                createdAt: at),
        ]
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            try await KafkaTestClients.publish(events, to: broker.bootstrapServers)
            // Square feet sent as square metres: the living-area plot shows the live bars apart.
            let rows = MonitorFixture.stream(from: us, count: 1_000, seed: 29) { row in
                row.features[FeatureName.livingArea] = row.features[FeatureName.livingArea].map { $0 / 0.09290304 }
            }
            try await KafkaTestClients.publish(rows, to: broker.bootstrapServers)
            let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(
                to: broker.bootstrapServers)
            let batch = BatchSettings(
                stage: .monitoring, service: "monitor", batchSize: 500,
                deadLetters: DeadLetterPolicy(maxPayloadBytes: 16_384, maxReasonCharacters: 1_000, maxReasons: 20))
            let port = Mutex<Int?>(nil)
            let services = try MonitorService.services(
                configuration: fixture.configuration, kafka: kafka, batch: batch, metrics: nil, logger: KafkaTestClients.logger,
                onServerRunning: { value in port.withLock { $0 = value } })
            try await withRunningServices(services) {
                _ = try await waitForMessages(MonitoringEvent.self, on: broker.bootstrapServers, until: "the drift alert") {
                    $0.contains { $0.name == "drift.alert" }
                }
                let listening = try #require(port.withLock { $0 })
                let result = try Self.runBrowser(
                    base: "http://127.0.0.1:\(listening)", user: fixture.configuration.reviewUser,
                    password: fixture.configuration.reviewPassword, task: "dup-1")
                print("browser: \(result)")
                let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
                #expect(seen["sections"] as? [String] == ["pipeline", "drift", "live-accuracy", "model-registry", "review-queue"])
                let histograms = try #require(seen["histograms"] as? Int)
                #expect(histograms > 10 && seen["drawn"] as? Int == histograms)
                let decisions = try await waitForMessages(ReviewTask.self, on: broker.bootstrapServers, until: "the approval") {
                    $0.contains { $0.status == .approved }
                }
                #expect(decisions.last?.taskId == "dup-1" && decisions.last?.resolvedBy == "user:reviewer")
            }
        }
    }

    /// Runs the selenium script; its last output line (the JSON object).
    private static func runBrowser(base: String, user: String, password: String, task: String) throws -> String {
        let process = Process()
        process.executableURL = TestProject.layout.root.appendingPathComponent(".venv/bin/python")
        process.arguments = [
            TestProject.layout.root.appendingPathComponent("scripts/browser/dashboard.py").path, base, user, password, task,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONPATH": seleniumPath ?? ""]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the browser script failed: \(text)")
        return text.split(separator: "\n").last.map(String.init) ?? ""
    }
}
