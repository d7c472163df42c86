import Foundation
import Hummingbird
import HummingbirdTesting
import ModelRegistry
import MonitorCore
import MonitorServer
import Schema
import TestSupport
import Testing

@Suite("Monitor web application")
struct MonitorApplicationTests {
    private static let credentials = BasicCredentials(user: "reviewer", password: "s3cret")

    private static let task = ReviewTask(
        taskId: "dup-1", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home?",
        details: ["similarity": "0.83"], createdBy: "normalizer", createdAt: Date(timeIntervalSince1970: 0))

    /// The application over a monitor that watched a US stream drawn from real sales.
    private func application(
        publisher: RecordingPublisher, reportFile: URL = URL(fileURLWithPath: "/nonexistent/report.html")
    ) async throws -> some ApplicationProtocol {
        let fixture = try await MonitorFixture()
        let us = try fixture.usRows()
        var monitor = Monitor(settings: fixture.settings)
        monitor.install(try fixture.champion(region: "US", rows: us))
        for row in MonitorFixture.stream(from: us, count: 1_000, seed: 3) { _ = monitor.observe(row) }
        for index in 0..<200 {
            _ = monitor.observe(PredictionJoinTests.prediction("p\(index)", value: 100, at: Double(index)))
            _ = monitor.observe(PredictionJoinTests.sale("p\(index)", price: 100 + Double(index % 30), at: Double(index)))
        }
        let data = DashboardData(monitor: monitor, registry: RegistryState(), reviews: [Self.task])
        let router = MonitorApplication.buildRouter(
            data: { data }, desk: ReviewDesk(tasks: { [Self.task.taskId: Self.task] }, publisher: publisher),
            credentials: Self.credentials, metrics: nil, reportFile: reportFile)
        return Application(router: router)
    }

    private static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test("/health answers ok and /metrics answers in the Prometheus text format")
    func healthAndMetrics() async throws {
        try await application(publisher: RecordingPublisher()).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok\n")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            }
        }
    }

    @Test("/report answers the run report once a run wrote it, and 404 naming the file before")
    func runReport() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html")
        try await application(publisher: RecordingPublisher(), reportFile: file).test(.router) { client in
            try await client.execute(uri: "/report", method: .get) { response in
                #expect(response.status == .notFound)
                let body = String(buffer: response.body)
                #expect(body.contains(folder.lastPathComponent) && body.contains("report.html"), "names the file")
            }
            try Data("<html>run report</html>".utf8).write(to: file)
            try await client.execute(uri: "/report", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body) == "<html>run report</html>")
            }
        }
    }

    @Test("the dashboard shows every section, a reference-vs-live SVG histogram per feature and the open review task")
    func dashboard() async throws {
        try await application(publisher: RecordingPublisher()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                for section in ["pipeline", "drift", "live-accuracy", "model-registry", "review-queue"] {
                    #expect(html.contains("<section id=\"\(section)\">"))
                }
                #expect(html.contains("<td>livingArea</td>"))
                #expect(html.components(separatedBy: "<svg class=\"histogram\"").count > 10)
                #expect(html.contains("class=\"bar-live\"") && html.contains("class=\"bar-reference\""))
                #expect(html.contains("Same home?") && html.contains("action=\"/review/dup-1/approve\""))
                #expect(html.contains("<svg class=\"trend\"") && html.contains("<polyline"), "live accuracy over time")
                #expect(
                    !html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""), "nothing is fetched at run time")
            }
        }
    }

    @Test("a review decision needs the configured credentials and is written back as a resolved task")
    func reviewDecision() async throws {
        let publisher = RecordingPublisher()
        try await application(publisher: publisher).test(.router) { client in
            try await client.execute(uri: "/review/dup-1/approve", method: .post) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            }
            try await client.execute(
                uri: "/review/dup-1/approve", method: .post, headers: [.authorization: Self.basic("reviewer", "wrong")]
            ) { response in
                #expect(response.status == .unauthorized)
            }
            #expect(publisher.messages(of: ReviewTask.self).isEmpty)
            try await client.execute(
                uri: "/review/dup-1/reject", method: .post, headers: [.authorization: Self.basic("reviewer", "s3cret")]
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(
                uri: "/review/nope/approve", method: .post, headers: [.authorization: Self.basic("reviewer", "s3cret")]
            ) { response in
                #expect(response.status == .notFound)
            }
        }
        let decided = try #require(publisher.messages(of: ReviewTask.self).first)
        #expect(decided.taskId == "dup-1" && decided.status == .rejected && decided.resolvedBy == "user:reviewer")
        #expect(decided.resolvedAt != nil)
    }
}
