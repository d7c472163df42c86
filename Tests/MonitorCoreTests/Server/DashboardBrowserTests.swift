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
        try await TestProject.withBroker { broker in
            let monitor = try await LiveMonitor(broker: broker, rows: 1_000, seed: 29)
            defer { monitor.remove() }
            try await withRunningServices(try monitor.services()) {
                _ = try await waitForMessages(MonitoringEvent.self, on: broker.bootstrapServers, until: "the drift alert") {
                    $0.contains { $0.name == "drift.alert" }
                }
                let result = try Self.runBrowser(
                    base: try #require(monitor.baseURL), user: monitor.fixture.configuration.reviewUser,
                    password: monitor.fixture.configuration.reviewPassword, task: LiveMonitor.openTask.taskId)
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
