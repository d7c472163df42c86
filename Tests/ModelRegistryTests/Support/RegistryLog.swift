import Foundation
import ModelRegistry
import Schema

/// A `models.registry` topic in memory: the live state after every event, and every event in
/// order so compaction can be simulated.
struct RegistryLog {
    static let model = "homeprice-de"

    private(set) var state = RegistryState()
    private(set) var events: [ModelEvent] = []
    private var clock = 0

    /// What compaction leaves: the latest event per key.
    var latestPerKey: [String: ModelEvent] {
        Dictionary(events.map { ($0.key, $0) }, uniquingKeysWith: { _, latest in latest })
    }

    /// The next instant, one minute after the previous event.
    mutating func tick() -> Date {
        clock += 1
        return Fixtures.at(clock)
    }

    mutating func append(_ event: ModelEvent) {
        events.append(event)
        state.apply(event)
    }

    /// Registers the next version of the model with a distinct artifact and card.
    @discardableResult
    mutating func register(mape: Double = 0.1, model: String = RegistryLog.model) -> String {
        let version = state.nextVersion(for: model)
        let artifact = ArtifactReference(
            sha256: ArtifactReference.sha256(of: Data("model \(model) \(version)".utf8)),
            uri: URL(fileURLWithPath: "/artifacts/model-\(version)"))
        let card = ArtifactReference(
            sha256: ArtifactReference.sha256(of: Data("card \(model) \(version)".utf8)),
            uri: URL(fileURLWithPath: "/artifacts/card-\(version)"))
        let metrics = PriceMetrics(count: 100, mae: 20_000, mape: mape, rmse: 30_000, medianAPE: mape * 0.8)
        append(
            .registered(
                modelName: model, version: version, algorithm: "gbt", featureSchemaVersion: 1, artifact: artifact, card: card,
                metrics: metrics.byName, actor: "trainer", at: tick()))
        return version
    }

    mutating func validate(_ version: String, model: String = RegistryLog.model) throws {
        append(.validated(try record(version, model: model), actor: "trainer", at: tick()))
    }

    mutating func reject(_ version: String, model: String = RegistryLog.model) throws {
        append(.rejected(try record(version, model: model), reason: "mape overall worse", actor: "trainer", at: tick()))
    }

    mutating func archive(_ version: String, model: String = RegistryLog.model) throws {
        append(.archived(try record(version, model: model), actor: "user:ops", reason: "superseded", at: tick()))
    }

    mutating func promote(_ version: String, model: String = RegistryLog.model) throws {
        append(try state.promotion(of: version, model: model, actor: "user:ops", reason: "weekly release", at: tick()))
    }

    mutating func rollBack(model: String = RegistryLog.model) throws {
        append(try state.rollback(model: model, actor: "user:ops", reason: "complaints", at: tick()))
    }

    private func record(_ version: String, model: String) throws -> ModelVersion {
        guard let record = state.version(version, of: model) else {
            throw RegistryError(.unknownVersion, reason: "not registered in the test log", input: version)
        }
        return record
    }
}
