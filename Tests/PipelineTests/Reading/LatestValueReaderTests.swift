import Configuration
import Foundation
import Kafka
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport
import Synchronization
import TestSupport
import Testing

@Suite("Latest value per key")
struct LatestValueReaderTests {
    private func descriptor(_ id: String, name: String) -> SourceDescriptor {
        SourceDescriptor(
            id: id, name: name, kind: .datasetFile, region: "US", currency: "USD", format: .csv, mapping: [:],
            publishedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("the reader keeps the newest value per key, skips garbage, honours tombstones and knows when it has caught up")
    func keepsTheNewestValuePerKey() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic(Topic.sourcesCatalog.name, partitions: 1)
        let entries: [KafkaProducerMessage] = [
            try KafkaProducerMessage(descriptor("a", name: "first")),
            try KafkaProducerMessage(descriptor("b", name: "b")),
            KafkaProducerMessage(topic: Topic.sourcesCatalog.name, key: Array("junk".utf8), value: Array("{not json".utf8)),
            try KafkaProducerMessage(descriptor("a", name: "second")),
            try KafkaProducerMessage(descriptor("c", name: "c")),
            KafkaProducerMessage(topic: Topic.sourcesCatalog.name, key: Array("c".utf8), value: []),
        ]
        let reports = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers), logger: KafkaTestClients.logger
        ) { producer in try await producer.send(entries) }

        let settings = try KafkaSettings(reader: .init(provider: InMemoryProvider(values: [:]))).connecting(to: cluster.bootstrapServers)
        let consumer = try KafkaConsumer(
            configuration: LatestValueReader<SourceDescriptor>.consumerConfiguration(settings: settings, clientId: "test"),
            logger: KafkaTestClients.logger)
        let updates = Mutex<[String]>([])
        let reader = LatestValueReader<SourceDescriptor>(consumer: consumer, logger: KafkaTestClients.logger) { value in
            updates.withLock { $0.append(value.name) }
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [consumer, reader], logger: KafkaTestClients.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let last = try #require(reports.last)
            try await withDeadline(.seconds(120), waitingFor: "the catalog") {
                try await reader.waitUntilRead([last.partition: last.offset + 1])
            }
            #expect(reader.values.keys.sorted() == ["a", "b"])
            #expect(reader.value(forKey: "a")?.name == "second")
            #expect(updates.withLock { $0 } == ["first", "b", "second", "c"])
            try await withDeadline(.seconds(120), waitingFor: "an offset already read") {
                try await reader.waitUntilRead([last.partition: 1])
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("of two numbered versions of an entity the reader keeps the newer, whichever the topic holds last")
    func keepsTheNewerVersion() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic(Topic.homesNormalized.name, partitions: Topic.homesNormalized.defaultPartitionCount)
        func home(_ id: String, version: Int?, retiredInto: String? = nil) -> Home {
            Home(
                id: id, region: "US", address: Address(city: "Ames", country: "US"), normalizedAt: Date(timeIntervalSince1970: 0),
                retiredInto: retiredInto, version: version)
        }
        let homes = [
            home("a", version: 1), home("a", version: 3, retiredInto: "b"), home("a", version: 2),
            home("b", version: 1), home("b", version: 1),
            home("old", version: nil), home("old", version: 4), home("old", version: nil),
        ]
        let reports = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers), logger: KafkaTestClients.logger
        ) { producer in try await producer.send(try homes.map { try KafkaProducerMessage($0) }) }

        let settings = try KafkaSettings(reader: .init(provider: InMemoryProvider(values: [:]))).connecting(to: cluster.bootstrapServers)
        let consumer = try KafkaConsumer(
            configuration: LatestValueReader<Home>.consumerConfiguration(settings: settings, clientId: "test"),
            logger: KafkaTestClients.logger)
        let updates = Mutex<[String]>([])
        let reader = LatestValueReader<Home>(consumer: consumer, logger: KafkaTestClients.logger) { home in
            updates.withLock { $0.append("\(home.id)@\(home.version ?? 0)") }
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [consumer, reader], logger: KafkaTestClients.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let ends = Dictionary(reports.map { ($0.partition, $0.offset + 1) }) { max($0, $1) }
            try await withDeadline(.seconds(120), waitingFor: "the homes") { try await reader.waitUntilRead(ends) }
            #expect(reader.value(forKey: "a")?.version == 3)
            #expect(reader.value(forKey: "a")?.retiredInto == "b", "the late version 2 does not revive the retired home")
            #expect(reader.value(forKey: "b")?.version == 1)
            #expect(reader.value(forKey: "old")?.version == nil, "an unnumbered message replaces any")
            #expect(updates.withLock { $0 }.filter { $0.hasPrefix("a@") } == ["a@1", "a@3"])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("a waiter is released with an error when its task is cancelled")
    func cancelledWaitersAreReleased() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic(Topic.sourcesCatalog.name, partitions: 1)
        let settings = try KafkaSettings(reader: .init(provider: InMemoryProvider(values: [:]))).connecting(to: cluster.bootstrapServers)
        let consumer = try KafkaConsumer(
            configuration: LatestValueReader<SourceDescriptor>.consumerConfiguration(settings: settings, clientId: "test"),
            logger: KafkaTestClients.logger)
        let reader = LatestValueReader<SourceDescriptor>(consumer: consumer, logger: KafkaTestClients.logger)
        let waiter = Task { try await reader.waitUntilRead([0: 1_000]) }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
    }
}
