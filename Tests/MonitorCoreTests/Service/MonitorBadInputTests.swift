import Configuration
import Foundation
import Kafka
import MonitorCore
import MonitorServer
import Pipeline
import Schema
import ServiceSupport
import Synchronization
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Monitor against bad input on every topic it reads", .timeLimit(.minutes(15)))
struct MonitorBadInputTests {
    @Test(
        "malformed, future-version and oversized messages on every topic the monitor decodes are dead-lettered by monitoring with their reasons; the good message after them on each topic still takes effect"
    )
    func badInputIsDeadLetteredAndTheMonitorGoesOn() async throws {
        var fixture = try await MonitorFixture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        fixture.configuration.artifactsDirectory = folder
        fixture.configuration.httpPort = 0
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let row = try #require(fixture.rows(try RealHomes.ames(limit: 1)).first)
        let prediction = Prediction(
            predictionId: "fuzz-p", requestId: "fuzz-r", region: "US", modelName: "homeprice-us", modelVersion: "1", arm: .requested,
            value: 200_000, interval: PredictionInterval(lower: 180_000, upper: 220_000, confidence: 0.9), currency: "USD", predictedAt: at)
        let sale = Feedback(feedbackId: "fuzz-f", predictionId: "fuzz-p", kind: .salePrice, value: 210_000, currency: "USD", at: at)
        // Counted on the dashboard: its reason code proves the stream went on past the bad messages.
        let letter = DeadLetter(
            originalKey: "fuzz-original", originalPayload: "{}", originalPayloadEncoding: .utf8, stage: .ingestion, service: "fuzz",
            reasons: [FailureReason(code: "fuzz.goodLetter", message: "published after the bad ones")], failedAt: at)
        let event = MonitoringEvent(service: "fuzz", kind: .metric, name: "fuzz.metric", values: ["value": 1], at: at)
        let registryEvent = ModelEvent.promoted(
            modelName: "homeprice-zz", alias: "champion", version: "1", previousVersion: nil, actor: "fuzz", reason: nil, at: at)
        let task = ReviewTask(
            taskId: "fuzz-task", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home?",
            createdBy: "normalizer",
            createdAt: at)
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            var bad = BadInput()
            // Bad entries sit on the compacted topics before the monitor starts, as after a restart.
            try await bad.publish(like: registryEvent, keyPrefix: "fuzz", to: broker.bootstrapServers)
            try await bad.publish(like: task, keyPrefix: "fuzz", to: broker.bootstrapServers)
            let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(
                to: broker.bootstrapServers)
            let port = Mutex<Int?>(nil)
            let services = try MonitorService.services(
                configuration: fixture.configuration, kafka: kafka,
                batch: BatchSettings(stage: .monitoring, service: "monitor-fuzz", batchSize: 50, deadLetters: .standard), metrics: nil,
                logger: KafkaTestClients.logger, onServerRunning: { value in port.withLock { $0 = value } })
            try await withRunningServices(services) {
                // homes.raw is read for its keys only: its bodies are the normalizer's to judge.
                try await bad.publish(like: row, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: prediction, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: sale, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: letter, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: event, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.expectDeadLettered(by: .monitoring, on: broker.bootstrapServers)

                try await withDeadline(.seconds(120), waitingFor: "the good dead letter on the dashboard") {
                    while true {
                        if let listening = port.withLock({ $0 }), let url = URL(string: "http://127.0.0.1:\(listening)/") {
                            let (page, _) = try await URLSession.shared.cancellableData(from: url)
                            if String(decoding: page, as: UTF8.self).contains("fuzz.goodLetter") { break }
                        }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                try await BadInput.expectReadPast(to: registryEvent, in: services, admin: admin)
                try await BadInput.expectReadPast(to: task, in: services, admin: admin)
            }
        }
    }
}
