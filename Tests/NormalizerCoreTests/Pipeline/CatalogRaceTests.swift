import Foundation
import Kafka
import NormalizerCore
import Schema
import ServiceSupport
import TestSupport
import Testing

/// A new source announces its catalog entry and publishes its first records right after
/// (docs/adding-a-source.md, way c). The normalizer reads `sources.catalog` and `homes.raw`
/// with separate consumers, so a record may arrive before its mapping: it must wait, not be lost.
@Suite("Catalog entry and records back to back", .timeLimit(.minutes(15)))
struct CatalogRaceTests {
    @Test("100 new sources, each announced and publishing a record back to back, lose no record")
    func noRecordLost() async throws {
        let sources = 100
        let warehouseFile = FileManager.default.temporaryDirectory.appendingPathComponent("race-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: warehouseFile) }
        try await TestProject.withBroker { broker in
            try await PipelineFixture.createTopics(on: broker.bootstrapServers)
            var configuration = try await SeedScenario.configuration()
            configuration.groupId = TestProject.uniqueTopic("normalizer")
            // The claim is that records wait for their catalog entry; a loaded machine's catalog
            // reader may take longer than the configured wait.
            configuration.unknownSourceWait = .seconds(120)
            let normalizer = Normalizer(
                configuration: configuration,
                catalog: try SourceCatalog.load(directory: TestProject.layout.configs.appendingPathComponent("sources")),
                store: try SQLiteWarehouse(path: warehouseFile.path))
            let group = try NormalizerServiceIntegrationTests.serviceGroup(
                normalizer: normalizer, bootstrapServers: broker.bootstrapServers)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await withDeadline(.seconds(240), waitingFor: "the normalizer's services to stop") { try await group.run() }
                }
                let mapping = try SourceMappingDocument(yaml: SeedScenario.nestedMapping, origin: "test").descriptor(publishedAt: Date())
                let settings = KafkaTestClients.producer(broker.bootstrapServers)
                // Every pair in one batch: each catalog entry goes out just before its record, and
                // the raw records reach the normalizer's consumer while its catalog reader is still busy.
                var pairs: [KafkaProducerMessage] = []
                for index in 0..<sources {
                    var descriptor = mapping
                    descriptor.id = "new-feed-\(index)"
                    var record = SeedScenario.nested
                    record.sourceId = descriptor.id
                    record.recordId = "R-\(index)"
                    record.payload = record.payload.replacingOccurrences(of: "123 Main Street", with: "\(100 + index) Elm Street")
                    pairs += [try Self.message(descriptor), try Self.message(record)]
                }
                try await KafkaProducer.withProducer(configuration: settings, logger: KafkaTestClients.logger) { producer in
                    _ = try await producer.send(pairs)
                }
                let outputs = try await PipelineFixture.outputs(until: "one output per record", on: broker.bootstrapServers) {
                    $0.count >= sources
                }
                let letters = outputs.filter { $0.home == nil }.compactMap { try? DeadLetter.decode(from: Data($0.message.value)) }
                #expect(letters.isEmpty, "dead letters: \(letters.map(\.reasons))")
                let published = Set(outputs.compactMap(\.home).flatMap { $0.provenance["price"]?.map(\.sourceId) ?? [] })
                #expect(published.count == sources, "every new source's record became a home")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }

    private static func message(_ message: any SchemaMessage) throws -> KafkaProducerMessage {
        KafkaProducerMessage(topic: type(of: message).topic.name, key: Array(message.key.utf8), value: Array(try message.encoded()))
    }
}
