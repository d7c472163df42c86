import Configuration
import Foundation
import Kafka
import NormalizerCore
import Pipeline
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("Normalizer against bad input on every topic it reads", .timeLimit(.minutes(15)))
struct NormalizerBadInputTests {
    @Test(
        "malformed, future-version and oversized messages on homes.raw, review.tasks and sources.catalog are dead-lettered by normalization with their reasons; the good message after them on each topic still takes effect"
    )
    func badInputIsDeadLetteredAndTheStreamGoesOn() async throws {
        let source = SourceDescriptor(
            id: "fuzz-source", name: "a source published after bad catalog entries", kind: .datasetFile, region: "US", currency: "USD",
            format: .csv, mapping: [:], publishedAt: SeedScenario.now)
        let task = ReviewTask(
            taskId: "fuzz-task", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home?",
            createdBy: "normalizer",
            createdAt: SeedScenario.now)
        try await TestProject.withBroker { broker in
            try await PipelineFixture.createTopics(on: broker.bootstrapServers)
            var bad = BadInput()
            // Bad entries sit on the compacted topic before the service starts, as after a restart.
            try await bad.publish(like: source, keyPrefix: "fuzz", to: broker.bootstrapServers)
            let normalizer = try await SeedScenario.normalizer()
            let services = try NormalizerService.services(
                normalizer: normalizer,
                kafka: try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(
                    to: broker.bootstrapServers),
                batch: BatchSettings(stage: .normalization, service: "normalizer-fuzz", batchSize: 50, deadLetters: .standard),
                logger: KafkaTestClients.logger)
            try await withRunningServices(services) {
                try await bad.publish(like: task, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: SeedScenario.flat, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.expectDeadLettered(by: .normalization, on: broker.bootstrapServers)
                let outputs = try await PipelineFixture.outputs(until: "the good record's home", on: broker.bootstrapServers) {
                    $0.contains { $0.home != nil }
                }
                #expect(outputs.compactMap(\.home).first?.price?.amount == 250_000)
                let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
                try await BadInput.expectReadPast(to: source, in: services, admin: admin)
            }
        }
    }
}
