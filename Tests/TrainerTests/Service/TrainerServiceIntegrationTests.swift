import Configuration
import Foundation
import Kafka
import ModelRegistry
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport
import TestSupport
import Testing
import TrainerCore

@Suite("Trainer against a real broker")
struct TrainerServiceIntegrationTests {
    private func services(_ fixture: TrainerFixture, broker: TansuBroker) throws -> [any Service] {
        let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(to: broker.bootstrapServers)
        return try TrainerService.services(
            configuration: fixture.configuration, kafka: kafka, clock: .system, logger: KafkaTestClients.logger)
    }

    @Test(
        "from features alone the trainer makes a validated champion per region with enough sales, says why another has none, retrains on command past the champion, and continues after a restart"
    )
    func championsFromTheStream() async throws {
        var fixture = try await TrainerFixture()
        defer { fixture.remove() }
        fixture.configuration.volumeThreshold = 100
        // Every row is on the topic before the trainer starts; a pause of the settle time while
        // it reads them (a loaded machine) would train on part of them.
        fixture.configuration.settle = .seconds(3)
        fixture.configuration.checkInterval = .milliseconds(200)
        fixture.configuration.promotion = .champion
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            let us = fixture.rows(try RealHomes.ames(limit: 700))
            let ca = fixture.rows(try RealHomes.windsor(limit: 120))
            try await KafkaTestClients.publish(us + ca, to: broker.bootstrapServers)

            try await withRunningServices(try services(fixture, broker: broker)) {
                let registry = try await waitForMessages(ModelEvent.self, on: broker.bootstrapServers, until: "a US champion") {
                    $0.contains { $0.key == "homeprice-us#champion" }
                }
                let state = RegistryState(latestPerKey: Dictionary(registry.map { ($0.key, $0) }) { $1 })
                let champion = try #require(state.champion(of: "homeprice-us"))
                #expect(champion.version == "1" && champion.lifecycle == .validated)
                #expect((champion.metrics["mape"] ?? 1) < 0.2)
                let store = try ArtifactStore(directory: fixture.configuration.artifactsDirectory)
                let card = try store.card(at: try #require(champion.cardURI))
                #expect(card.rows.training + card.rows.validation == 700)
                #expect(card.trainingReference.features.count == card.features.count)
                #expect(card.trigger.kind == .volume)
                _ = try store.data(for: try #require(champion.artifact))

                let monitoring = try await waitForMessages(
                    MonitoringEvent.self, on: broker.bootstrapServers, until: "CA skipped and US epochs"
                ) { events in
                    events.contains { $0.name == "training.skipped" && $0.labels["region"] == "CA" }
                        && events.contains { $0.kind == .trainingEpoch && $0.labels["model"] == "homeprice-us" }
                }
                let skipped = try #require(monitoring.first { $0.name == "training.skipped" })
                #expect(skipped.message?.contains("120 labelled homes") == true)
                #expect(skipped.severity == .warning)
                let epochs = monitoring.filter { $0.kind == .trainingEpoch }.compactMap { $0.values["round"] }
                #expect(epochs == epochs.sorted() && epochs.first == 10, "one event per epoch of 10 rounds")

                let command = ControlCommand(
                    commandId: "retrain-1", target: "trainer", action: .retrain, arguments: ["region": "us"], issuedBy: "user:test",
                    reason: "test", at: Date())
                try await KafkaTestClients.publish([command, command], to: broker.bootstrapServers)
                let after = try await waitForMessages(ModelEvent.self, on: broker.bootstrapServers, until: "US version 2 promoted") {
                    $0.contains { $0.key == "homeprice-us#champion" && $0.version == "2" }
                }
                let promotion = try #require(after.last { $0.key == "homeprice-us#champion" })
                #expect(promotion.previousVersion == "1", "the old champion stays the rollback target")
            }

            // A restart reloads the store and its positions: no new training without a new
            // reason, and a new command takes the next version.
            let saved = try StateFile<TrainerState>(url: fixture.configuration.stateDirectory.appendingPathComponent("state.json")).load()
            #expect(saved?.store.entries.count == 820)
            #expect(saved?.handledCommands == ["retrain-1"], "a duplicated command is handled once")
            try await withRunningServices(try services(fixture, broker: broker)) {
                try await KafkaTestClients.publish(
                    [
                        ControlCommand(
                            commandId: "retrain-2", target: "trainer", action: .retrain, arguments: ["region": "US"], issuedBy: "user:test",
                            at: Date())
                    ],
                    to: broker.bootstrapServers)
                let events = try await waitForMessages(ModelEvent.self, on: broker.bootstrapServers, until: "US version 3 judged") {
                    $0.contains { $0.key == "homeprice-us@3" && $0.kind != .registered }
                }
                #expect(Set(events.filter { $0.modelName == "homeprice-us" }.map(\.version)) == ["1", "2", "3"])
                #expect(!events.contains { $0.modelName == "homeprice-ca" })
                // One training per command: the duplicated retrain-1 and the restart started none.
                let started = try await waitForMessages(MonitoringEvent.self, on: broker.bootstrapServers, until: "the trainings") {
                    $0.contains { $0.name == "training.started" && $0.labels["version"] == "3" }
                }
                .filter { $0.name == "training.started" && $0.labels["model"] == "homeprice-us" }
                #expect(started.count == 3, "\(started.compactMap(\.message))")
                #expect(started.filter { $0.message?.contains("retrain-1") == true }.count == 1)
                #expect(started.filter { $0.message?.contains("retrain-2") == true }.count == 1)
            }
        }
    }

    @Test("an unreadable feature row, sale price or command is dead-lettered by the trainer with its reason; the good rows are taken")
    func unreadableInputsAreDeadLettered() async throws {
        var fixture = try await TrainerFixture()
        defer { fixture.remove() }
        fixture.configuration.checkInterval = .milliseconds(200)
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            let good = fixture.rows(try RealHomes.ames(limit: 20))
            let bad = [
                KafkaProducerMessage(topic: Topic.homesFeatures.name, key: Array("row-x".utf8), value: Array("{\"homeId\": 7".utf8)),
                KafkaProducerMessage(
                    topic: Topic.feedback.name, key: Array("fb-x".utf8), value: Array(#"{"schemaVersion": 99, "kind": "salePrice"}"#.utf8)),
                KafkaProducerMessage(
                    topic: Topic.pipelineControl.name, key: Array("trainer".utf8), value: Array(repeating: 0xFF, count: 64)),
            ]
            _ = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
            ) { try await $0.send(bad) }
            try await KafkaTestClients.publish(good, to: broker.bootstrapServers)
            let trainer = try services(fixture, broker: broker)
            try await withRunningServices(trainer) {
                let letters = try await waitForMessages(DeadLetter.self, on: broker.bootstrapServers, until: "three dead letters") {
                    $0.count >= 3
                }
                #expect(Set(letters.map(\.originalKey)) == ["row-x", "fb-x", "trainer"])
                #expect(letters.allSatisfy { $0.stage == .training && $0.service == fixture.configuration.serviceName })
                #expect(
                    Set(letters.compactMap { $0.reasons.first?.code }) == ["trainer.unreadableInput", "trainer.unreadableCommand"])
                #expect(
                    Set(letters.compactMap(\.origin?.topic)) == [Topic.homesFeatures.name, Topic.feedback.name, Topic.pipelineControl.name])
                let loop = try #require(trainer.compactMap { $0 as? TrainerLoop }.first)
                try await withDeadline(.seconds(180), waitingFor: "the 20 good rows in the store") {
                    while loop.currentState.store.entries.count < 20 { try await Task.sleep(for: .milliseconds(50)) }
                }
            }
        }
    }
}
