import Configuration
import Foundation
import Kafka
import Pipeline
import Schema
import ServiceSupport
import TestSupport
import Testing
import TrainerCore

@Suite("Trainer against bad input on every topic it reads", .timeLimit(.minutes(15)))
struct TrainerBadInputTests {
    @Test(
        "malformed, future-version and oversized messages on homes.features, feedback, pipeline.control and models.registry are dead-lettered by training with their reasons; the good message after them on each topic still takes effect"
    )
    func badInputIsDeadLetteredAndTheTrainerGoesOn() async throws {
        var fixture = try await TrainerFixture()
        defer { fixture.remove() }
        fixture.configuration.checkInterval = .milliseconds(200)
        let row = try #require(fixture.rows(try RealHomes.ames(limit: 1)).first)
        let sale = Feedback(
            feedbackId: "fuzz-sale", predictionId: "p-1", kind: .salePrice, value: 215_000, currency: "USD", homeId: row.homeId, at: Date())
        // A region the trainer does not train: the command is taken (remembered) without a training.
        let retrain = ControlCommand(
            commandId: "fuzz-retrain", target: "trainer", action: .retrain, arguments: ["region": "ZZ"], issuedBy: "fuzz", at: Date())
        let event = ModelEvent.promoted(
            modelName: "homeprice-zz", alias: "champion", version: "1", previousVersion: nil, actor: "fuzz", reason: nil,
            at: Date(timeIntervalSince1970: 1_700_000_000))
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            var bad = BadInput()
            // Bad entries sit on the compacted topic before the trainer starts, as after a restart.
            try await bad.publish(like: event, keyPrefix: "fuzz", to: broker.bootstrapServers)
            let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(
                to: broker.bootstrapServers)
            let services = try TrainerService.services(
                configuration: fixture.configuration, kafka: kafka, clock: .system, logger: KafkaTestClients.logger)
            try await withRunningServices(services) {
                try await bad.publish(like: row, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: sale, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.publish(like: retrain, keyPrefix: "fuzz", to: broker.bootstrapServers)
                try await bad.expectDeadLettered(by: .training, on: broker.bootstrapServers) { bad in
                    switch bad.origin.topic {
                    case Topic.homesFeatures.name, Topic.feedback.name: "trainer.unreadableInput"
                    case Topic.pipelineControl.name: "trainer.unreadableCommand"
                    default: BadInput.schemaCode(of: bad.kind)
                    }
                }
                let loop = try #require(services.compactMap { $0 as? TrainerLoop }.first)
                try await withDeadline(.seconds(120), waitingFor: "the good row, sale price and command in the trainer's state") {
                    while true {
                        let state = loop.currentState
                        if state.store.entries[row.homeId] != nil, state.store.feedbackLabels[row.homeId] != nil,
                            state.handledCommands.contains(retrain.commandId)
                        {
                            break
                        }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                try await BadInput.expectReadPast(to: event, in: services, admin: admin)
            }
        }
    }
}
