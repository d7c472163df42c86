import Foundation
import Kafka
import NormalizerCore
import NormalizerEvaluation
import Scenario
import Schema
import ServiceSupport
import TestSupport

/// What the normalizer's broker tests share: a generated scenario's raw records, the topics of
/// the pipeline on a fresh broker, publishing, and reading what the normalizer produced.
enum PipelineFixture {
    /// A fetch time after every real build year and before the scenario's synthetic future ones.
    static let fetchedAt = Date(timeIntervalSince1970: 1_750_000_000)

    /// The raw records of a generated scenario of `homes` homes (each in one to three sources).
    static func scenarioRecords(homes: Int, seed: UInt64) throws -> [RawRecord] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-scenario-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ScenarioGenerator(
            parameters: .init(seed: seed, homes: homes, output: folder, seedData: TestProject.layout.root.appendingPathComponent("data"))
        ).generate()
        return try ScenarioRecords.load(folder: folder, fetchedAt: fetchedAt)
    }

    /// Creates every pipeline topic on the broker.
    static func createTopics(on bootstrapServers: String) async throws {
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: bootstrapServers))
        try await withDeadline(.seconds(180), waitingFor: "the pipeline's topics") {
            try await TopicProvisioner.createAll(using: admin)
        }
    }

    /// Publishes schema messages, keyed, and waits until the broker acknowledged them all.
    static func publish(_ messages: [any SchemaMessage], on bootstrapServers: String) async throws {
        let batch = try messages.map {
            KafkaProducerMessage(topic: type(of: $0).topic.name, key: Array($0.key.utf8), value: Array(try $0.encoded()))
        }
        try await withDeadline(.seconds(180), waitingFor: "delivery of \(batch.count) messages") {
            try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(bootstrapServers), logger: KafkaTestClients.logger
            ) { producer in
                _ = try await producer.send(batch)
            }
        }
    }

    /// One message the normalizer produced: a home (live or an announcement of a retired one)
    /// or a dead letter.
    struct Output: Sendable {
        /// The message as read.
        let message: KafkaConsumerMessage
        /// The home it holds, nil for a dead letter.
        let home: Home?
    }

    /// Reads `homes.normalized` and `homes.deadletter` from the beginning until `condition`
    /// holds for everything read (or the deadline passed), and returns it.
    static func outputs(
        until what: String, on bootstrapServers: String, timeout: Duration = .seconds(120),
        _ condition: @escaping @Sendable ([Output]) -> Bool
    ) async throws -> [Output] {
        try await TopicContents.read(
            of: [Topic.homesNormalized, Topic.homesDeadLetter].map { ($0.name, $0.defaultPartitionCount) },
            bootstrapServers: bootstrapServers, timeout: timeout, until: what,
            as: { message in
                Output(
                    message: message, home: message.topic == Topic.homesNormalized.name ? try? Home.decode(from: Data(message.value)) : nil)
            }, condition)
    }

    /// The warehouse's homes as comparable JSON, one string per home sorted by id, without the
    /// time each was normalized and the version number (which depends on the order the records
    /// arrived in, so differs between runs by design).
    static func comparableHomes(_ homes: [Home]) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return try homes.sorted { $0.id < $1.id }.map { home in
            var home = home
            home.normalizedAt = .distantPast
            home.version = nil
            return String(decoding: try encoder.encode(home), as: UTF8.self)
        }
    }
}
