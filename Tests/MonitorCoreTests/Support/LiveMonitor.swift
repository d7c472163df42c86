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

/// The monitor's real wiring on a test broker: every topic created, a US champion on
/// `models.registry` (its card in a temporary artifact store), the open review task
/// ``openTask`` and feature rows with square feet sent as square metres published.
final class LiveMonitor: Sendable {
    /// The open review task published before the monitor starts.
    static let openTask = ReviewTask(
        taskId: "dup-1", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home?", createdBy: "normalizer",
        createdAt: Date(timeIntervalSince1970: 1_700_000_000))

    let fixture: MonitorFixture
    private let broker: TansuBroker
    private let folder: URL
    private let listeningPort = Mutex<Int?>(nil)

    /// Publishes the registry, the task and `rows` drifted rows (drawn from Ames with seed `seed`).
    init(broker: TansuBroker, rows: Int, seed: UInt64) async throws {
        var fixture = try await MonitorFixture()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-\(UUID().uuidString)")
        fixture.configuration.artifactsDirectory = folder
        fixture.configuration.httpPort = 0
        self.fixture = fixture
        self.broker = broker
        let us = try fixture.usRows()
        let store = try ArtifactStore(directory: folder)
        let card = try store.put(try fixture.card(region: "US", rows: us))
        let model = try store.put(Data("model file".utf8))
        let at = Self.openTask.createdAt
        let registered = ModelEvent.registered(
            modelName: "homeprice-us", version: "1", algorithm: "gbt", featureSchemaVersion: FeatureSchema.version, artifact: model,
            card: card, metrics: ["mape": 0.12], actor: "trainer", at: at)
        guard let version = ModelVersion(registered) else { throw MonitorError(.unusableCard, reason: "no version") }
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
        try await TopicProvisioner.createAll(using: admin)
        try await KafkaTestClients.publish(
            [
                registered, ModelEvent.validated(version, actor: "trainer", at: at),
                ModelEvent.promoted(
                    modelName: "homeprice-us", alias: "champion", version: "1", previousVersion: nil, actor: "trainer", reason: nil, at: at),
                Self.openTask,
            ], to: broker.bootstrapServers)
        let drifted = MonitorFixture.stream(from: us, count: rows, seed: seed) { row in
            row.features[FeatureName.livingArea] = row.features[FeatureName.livingArea].map { $0 / 0.09290304 }
        }
        try await KafkaTestClients.publish(drifted, to: broker.bootstrapServers)
    }

    /// A fresh set of the monitor's services, as `homeprice-monitor` runs them.
    func services() throws -> [any Service] {
        let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(to: broker.bootstrapServers)
        let batch = BatchSettings(
            stage: .monitoring, service: "monitor", batchSize: 500,
            deadLetters: DeadLetterPolicy(maxPayloadBytes: 16_384, maxReasonCharacters: 1_000, maxReasons: 20))
        return try MonitorService.services(
            configuration: fixture.configuration, kafka: kafka, batch: batch, metrics: nil, logger: KafkaTestClients.logger,
            onServerRunning: { [self] value in listeningPort.withLock { $0 = value } })
    }

    /// The dashboard's address once the server listens.
    var baseURL: String? { listeningPort.withLock { $0 }.map { "http://127.0.0.1:\($0)" } }

    /// Removes the artifact store.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
