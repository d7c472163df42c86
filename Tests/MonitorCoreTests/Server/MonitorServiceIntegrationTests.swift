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
        var fixture = try await MonitorFixture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-\(UUID().uuidString)")
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
        let validated = ModelEvent.validated(try #require(ModelVersion(registered)), actor: "trainer", at: at)
        let promoted = ModelEvent.promoted(
            modelName: "homeprice-us", alias: "champion", version: "1", previousVersion: nil, actor: "trainer", reason: nil, at: at)
        // Square feet sent as square metres.
        let rows = MonitorFixture.stream(from: us, count: 1_500, seed: 23) { row in
            row.features[FeatureName.livingArea] = row.features[FeatureName.livingArea].map { $0 / 0.09290304 }
        }

        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            let task = ReviewTask(
                taskId: "dup-1", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home?",
                createdBy: "normalizer",
                createdAt: at)
            try await KafkaTestClients.publish([registered, validated, promoted, task], to: broker.bootstrapServers)
            try await KafkaTestClients.publish(rows, to: broker.bootstrapServers)
            let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(
                to: broker.bootstrapServers)
            let batch = BatchSettings(
                stage: .monitoring, service: "monitor", batchSize: 500,
                deadLetters: DeadLetterPolicy(maxPayloadBytes: 16_384, maxReasonCharacters: 1_000, maxReasons: 20))
            let port = Mutex<Int?>(nil)
            let services = {
                try MonitorService.services(
                    configuration: fixture.configuration, kafka: kafka, batch: batch, metrics: nil, logger: KafkaTestClients.logger,
                    onServerRunning: { value in port.withLock { $0 = value } })
            }

            try await withRunningServices(try services()) {
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

                let listening = try #require(port.withLock { $0 })
                let (body, _) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(listening)/health")))
                #expect(String(decoding: body, as: UTF8.self) == "ok\n")
                let (page, _) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(listening)/")))
                #expect(String(decoding: page, as: UTF8.self).contains("homeprice-us@1"))

                // The dashboard's approve button, as a browser sends it with the reviewer's login.
                var approve = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(listening)/review/dup-1/approve")))
                approve.httpMethod = "POST"
                let login = "\(fixture.configuration.reviewUser):\(fixture.configuration.reviewPassword)"
                approve.setValue("Basic " + Data(login.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
                _ = try await URLSession.shared.data(for: approve)
                let decisions = try await waitForMessages(ReviewTask.self, on: broker.bootstrapServers, until: "the approval") {
                    $0.contains { $0.status == .approved }
                }
                #expect(decisions.last?.taskId == "dup-1" && decisions.last?.resolvedBy == "user:reviewer")
            }

            // A restart rebuilds the windows from the topics and decides exactly as before: the
            // replayed retrain carries the first one's id, which the trainer applies once.
            try await withRunningServices(try services()) {
                let commands = try await waitForMessages(ControlCommand.self, on: broker.bootstrapServers, until: "the replayed command") {
                    $0.count >= 2
                }
                #expect(Set(commands.map(\.commandId)).count == 1)
            }
        }
    }
}
