import Configuration
import Foundation
import Kafka
import NormalizerCore
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport
import TestSupport
import Testing

@Suite("Normalizer service against a real broker", .timeLimit(.minutes(15)))
struct NormalizerServiceIntegrationTests {
    @Test("normalizes published raw records into homes.normalized and the warehouse, dead-letters a bad record and keeps running")
    func normalizesDeadLettersAndKeepsRunning() async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 30, seed: 7)
        var bad = SeedScenario.flat
        bad.recordId = "BAD-1"
        bad.payload = #"{"id": "BAD-1", "address": "9 Elm St, Springfield, IL 62704", "price": "lots"}"#
        let warehouseFile = FileManager.default.temporaryDirectory.appendingPathComponent("service-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: warehouseFile) }

        try await TestProject.withBroker { broker in
            try await PipelineFixture.createTopics(on: broker.bootstrapServers)
            // configs/sources only: the nested feed's mapping arrives on sources.catalog.
            var configuration = try await SeedScenario.configuration()
            configuration.groupId = TestProject.uniqueTopic("normalizer")
            let catalog = try SourceCatalog.load(directory: TestProject.layout.configs.appendingPathComponent("sources"))
            #expect(catalog["us-agency-feed"] == nil)
            let warehouse = try SQLiteWarehouse(path: warehouseFile.path)
            let normalizer = Normalizer(configuration: configuration, catalog: catalog, store: warehouse)
            let group = try Self.serviceGroup(normalizer: normalizer, bootstrapServers: broker.bootstrapServers)

            try await withThrowingTaskGroup(of: Void.self) { tasks in
                // Bounds the whole run, graceful shutdown at the end included.
                tasks.addTask {
                    try await withDeadline(.seconds(240), waitingFor: "the normalizer's services to stop") { try await group.run() }
                }

                let feed = try SourceMappingDocument(yaml: SeedScenario.nestedMapping, origin: "test").descriptor(publishedAt: Date())
                try await PipelineFixture.publish([feed], on: broker.bootstrapServers)
                try await withDeadline(.seconds(180), waitingFor: "the catalog entry of us-agency-feed") {
                    while normalizer.source("us-agency-feed") == nil { try await Task.sleep(for: .milliseconds(10)) }
                }

                try await PipelineFixture.publish([bad], on: broker.bootstrapServers)
                let first = try await PipelineFixture.outputs(until: "the bad record's output", on: broker.bootstrapServers) { !$0.isEmpty }
                let letterMessage = try #require(first.first?.message)
                #expect(letterMessage.topic == Topic.homesDeadLetter.name)
                let letter = try DeadLetter.decode(from: Data(letterMessage.value))
                #expect(letter.originalKey == bad.key)
                #expect(letter.stage == .normalization)
                #expect(letter.reasons.map(\.field) == ["price"])
                #expect(letter.reasons.first?.code == "normalizer.unparseableField")
                #expect(letter.reasons.first?.message.contains("lots") == true)

                // Still running: everything published after the bad record comes out.
                let good = records + [SeedScenario.flat, SeedScenario.nested]
                try await PipelineFixture.publish(good, on: broker.bootstrapServers)
                // One live home or dead letter per record; merges add announcements of retired homes.
                let outputs = try await PipelineFixture.outputs(
                    until: "one live home or dead letter per record", on: broker.bootstrapServers
                ) { outputs in
                    outputs.filter { $0.home?.retiredInto == nil }.count >= good.count + 1
                }
                let homes = outputs.compactMap(\.home)
                let live = homes.filter { $0.retiredInto == nil }
                let letters = outputs.count - homes.count
                #expect(live.count + letters == good.count + 1, "one live home or dead letter per record")
                #expect(letters == 1, "only the bad record is dead-lettered")

                // The warehouse holds the last home published under each surviving id.
                let stored = try warehouse.homes()
                var published: [String: Home] = [:]
                for home in homes { published[home.id] = home }
                #expect(!stored.isEmpty)
                for home in stored {
                    #expect(published[home.id] != nil, "home \(home.id) was published to homes.normalized")
                }
                // The seed pair, one mapping from configs/sources and one from the catalog, is one home.
                let flatCluster = try warehouse.cluster(ofRecord: SeedScenario.flat.key)
                #expect(flatCluster != nil)
                #expect(flatCluster == (try warehouse.cluster(ofRecord: SeedScenario.nested.key)))
                let seedHome = try #require(stored.first { $0.id == flatCluster })
                #expect(Set(seedHome.provenance["rooms"]?.map(\.sourceId) ?? []) == ["us-agency-flat", "us-agency-feed"])

                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }

    /// The normalizer's services as the executable builds them, in one group.
    static func serviceGroup(normalizer: Normalizer, bootstrapServers: String) throws -> ServiceGroup {
        let settings = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(to: bootstrapServers)
        let services = try NormalizerService.services(
            normalizer: normalizer, kafka: settings,
            batch: BatchSettings(
                stage: .normalization, service: normalizer.configuration.serviceName, batchSize: 500,
                deadLetters: DeadLetterPolicy(maxPayloadBytes: 16_384, maxReasonCharacters: 1_000, maxReasons: 20)),
            logger: KafkaTestClients.logger)
        return ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: KafkaTestClients.logger))
    }
}
