import Configuration
import Foundation
import Kafka
import Pipeline
import Schema
import ServerCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Model server against bad input on every topic it reads", .timeLimit(.minutes(15)))
struct ServerBadInputTests {
    @Test(
        "malformed, future-version and oversized messages on predictions.requests, pipeline.control, models.registry and sources.catalog are dead-lettered by serving with their reasons; the good message after them on each topic still takes effect"
    )
    func badInputIsDeadLetteredAndTheServerGoesOn() async throws {
        var fixture = try await ServerFixture()
        defer { fixture.remove() }
        fixture.configuration.port = 0
        let home = try ServerFixture.requestHomes(count: 1)[0]
        let events = try fixture.championAndChallenger()
        let source = SourceDescriptor(
            id: "fuzz-source", name: "a source published after bad catalog entries", kind: .datasetFile, region: "US", currency: "USD",
            format: .csv, mapping: [:], publishedAt: Date(timeIntervalSince1970: 1_700_000_000))
        let request = PredictionRequest(requestId: "fuzz-good", clientId: "client-1", features: home, requestedAt: Date())
        let promote = ControlCommand(
            commandId: "fuzz-promote", target: fixture.configuration.controlTarget, action: .promote,
            arguments: ["model": "homeprice-us", "version": "2"], issuedBy: "fuzz", at: Date())
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            var bad = BadInput()
            // Bad entries sit on the compacted topics before the server starts, as after a restart.
            try await bad.publish(like: events[0], keyPrefix: "fuzz", to: broker.bootstrapServers)
            try await KafkaTestClients.publish(Array(events.dropFirst()), to: broker.bootstrapServers)
            try await bad.publish(like: source, keyPrefix: "fuzz", to: broker.bootstrapServers)
            let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(
                to: broker.bootstrapServers)
            let services = try ServerService.services(
                configuration: fixture.configuration, kafka: kafka,
                batch: BatchSettings(stage: .serving, service: "server-fuzz", batchSize: 50, deadLetters: .standard),
                logger: KafkaTestClients.logger)
            try await withRunningServices(services) {
                try await bad.publish(like: request, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: promote, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.expectDeadLettered(by: .serving, on: broker.bootstrapServers)

                let answers = try await waitForMessages(Prediction.self, on: broker.bootstrapServers, until: "the good request's answer") {
                    $0.contains { $0.requestId == request.requestId }
                }
                #expect(answers.first { $0.requestId == request.requestId }?.modelName == "homeprice-us")
                _ = try await waitForMessages(ModelEvent.self, on: broker.bootstrapServers, until: "the good command's promotion") {
                    $0.contains { $0.kind == .promoted && $0.actor == "control:fuzz" }
                }
                try await BadInput.expectReadPast(to: source, in: services, admin: admin)
            }
        }
    }
}
