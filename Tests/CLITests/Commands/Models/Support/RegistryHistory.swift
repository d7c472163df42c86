import Foundation
import Kafka
import ModelRegistry
import Pipeline
import Schema
import ServiceSupport
import TestSupport

/// A `models.registry` history published on a real broker, with model files and cards in a
/// temporary artifact store:
///
/// - `homeprice-us`: version 1 validated and champion, version 2 validated (better), version 3
///   rejected;
/// - `homeprice-de`: version 1 validated and champion, its card missing from the store.
struct RegistryHistory {
    /// The artifact store's temporary folder.
    let artifacts: URL
    /// Every event published, in order.
    let events: [ModelEvent]

    /// The instant of the first event; later events follow a minute apart.
    static let start = Date(timeIntervalSince1970: 1_714_564_800)

    /// Creates every topic on the broker at `bootstrapServers`, writes the artifacts and
    /// publishes the history.
    static func publish(on bootstrapServers: String) async throws -> RegistryHistory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-artifacts-\(UUID().uuidString)")
        var history = Builder(store: try ArtifactStore(directory: folder))
        try history.register(model: "homeprice-us", region: "US", mape: 0.09)
        try history.validate(model: "homeprice-us", version: "1")
        try history.promote(model: "homeprice-us", version: "1")
        try history.register(model: "homeprice-us", region: "US", mape: 0.07)
        try history.validate(model: "homeprice-us", version: "2")
        try history.register(model: "homeprice-us", region: "US", mape: 0.2)
        try history.reject(model: "homeprice-us", version: "3")
        try history.register(model: "homeprice-de", region: "DE", mape: 0.1, storeCard: false)
        try history.validate(model: "homeprice-de", version: "1")
        try history.promote(model: "homeprice-de", version: "1")

        try await TopicProvisioner.createAll(using: KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: bootstrapServers)))
        let events = history.events
        try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(bootstrapServers), logger: KafkaTestClients.logger
        ) { producer in
            try await KafkaPublisher(producer: producer).publish(events)
        }
        return RegistryHistory(artifacts: folder, events: events)
    }

    /// The registry events on `models.registry` now, by partition and offset (so every key's
    /// events are in the order they were published).
    static func published(on bootstrapServers: String) async throws -> [ModelEvent] {
        try await TopicContents.read(
            topic: Topic.modelsRegistry.name, partitions: Topic.modelsRegistry.defaultPartitionCount,
            bootstrapServers: bootstrapServers
        )
        .sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
        .map { try ModelEvent.decode(from: Data($0.value)) }
    }

    /// Deletes the artifact store.
    func remove() {
        try? FileManager.default.removeItem(at: artifacts)
    }

    /// Builds the history event by event with the registry's own factories.
    private struct Builder {
        let store: ArtifactStore
        var state = RegistryState()
        var events: [ModelEvent] = []

        mutating func register(model: String, region: String, mape: Double, storeCard: Bool = true) throws {
            let version = state.nextVersion(for: model)
            let at = tick()
            let artifact = try store.put(Data("model file of \(model)@\(version)".utf8))
            let card = SampleCard.make(
                model: model, version: version, region: region, mape: mape, champion: state.champion(of: model)?.version, at: at)
            let cardReference = storeCard ? try store.put(card) : store.reference(sha256: ArtifactReference.sha256(of: try card.encoded()))
            append(
                .registered(
                    modelName: model, version: version, algorithm: "gbt", featureSchemaVersion: 1, artifact: artifact,
                    card: cardReference, metrics: card.metrics.overall.byName, actor: "trainer", at: at))
        }

        mutating func validate(model: String, version: String) throws {
            append(.validated(try record(model, version), actor: "trainer", at: tick()))
        }

        mutating func reject(model: String, version: String) throws {
            append(.rejected(try record(model, version), reason: "mape worse than the champion's", actor: "trainer", at: tick()))
        }

        mutating func promote(model: String, version: String) throws {
            append(try state.promotion(of: version, model: model, actor: "trainer", reason: "first champion", at: tick()))
        }

        private func record(_ model: String, _ version: String) throws -> ModelVersion {
            guard let record = state.version(version, of: model) else {
                throw RegistryError(.unknownVersion, reason: "not in the test history", input: "\(model)@\(version)")
            }
            return record
        }

        private mutating func append(_ event: ModelEvent) {
            events.append(event)
            state.apply(event)
        }

        private func tick() -> Date {
            RegistryHistory.start.addingTimeInterval(Double(events.count) * 60)
        }
    }
}
