import Configuration
import Features
import Foundation
import Kafka
import ModelRegistry
import MonitorCore
import MonitorServer
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport
import Synchronization
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Monitor against a real broker")
struct MonitorServiceIntegrationTests {
    @Test(
        "a champion on the registry and drifted feature rows in: a living-area alert and one retrain command for the region out; an approval on the live dashboard reaches review.tasks; after a restart the replay repeats the command's id"
    )
    func driftToRetrain() async throws {
        try await TestProject.withBroker { broker in
            let monitor = try await LiveMonitor(broker: broker, rows: 1_500, seed: 23)
            defer { monitor.remove() }
            let fixture = monitor.fixture
            try await withRunningServices(try monitor.services()) {
                let events = try await waitForMessages(MonitoringEvent.self, on: broker.bootstrapServers, until: "a living-area alert") {
                    $0.contains { $0.name == "drift.alert" && $0.labels["feature"] == FeatureName.livingArea }
                }
                let alert = try #require(events.first { $0.name == "drift.alert" })
                #expect(alert.labels["region"] == "US" && alert.labels["version"] == "1" && alert.severity == .error)
                let commands = try await waitForMessages(ControlCommand.self, on: broker.bootstrapServers, until: "a retrain command") {
                    !$0.isEmpty
                }
                #expect(commands.count == 1)
                #expect(commands.first?.action == .retrain && commands.first?.target == "trainer")
                #expect(commands.first?.arguments == ["region": "US"])

                let base = try #require(monitor.baseURL)
                let (body, _) = try await URLSession.shared.cancellableData(from: try #require(URL(string: "\(base)/health")))
                #expect(String(decoding: body, as: UTF8.self) == "ok\n")
                let (page, _) = try await URLSession.shared.cancellableData(from: try #require(URL(string: "\(base)/")))
                #expect(String(decoding: page, as: UTF8.self).contains("homeprice-us@1"))

                // The dashboard's approve button, as a browser sends it with the reviewer's login.
                var approve = URLRequest(url: try #require(URL(string: "\(base)/review/dup-1/approve")))
                approve.httpMethod = "POST"
                let login = "\(fixture.configuration.reviewUser):\(fixture.configuration.reviewPassword)"
                approve.setValue("Basic " + Data(login.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
                _ = try await URLSession.shared.cancellableData(for: approve)
                let decisions = try await waitForMessages(ReviewTask.self, on: broker.bootstrapServers, until: "the approval") {
                    $0.contains { $0.status == .approved }
                }
                #expect(decisions.last?.taskId == "dup-1" && decisions.last?.resolvedBy == "user:reviewer")
            }

            // A restart rebuilds the windows from the topics and decides exactly as before: the
            // replayed retrain carries the first one's id, which the trainer applies once.
            try await withRunningServices(try monitor.services()) {
                let commands = try await waitForMessages(ControlCommand.self, on: broker.bootstrapServers, until: "the replayed command") {
                    $0.count >= 2
                }
                #expect(Set(commands.map(\.commandId)).count == 1)
            }
        }
    }
}
