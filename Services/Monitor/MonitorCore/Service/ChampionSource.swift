import Foundation
import Kafka
import ModelRegistry
import Pipeline
import Schema
import Synchronization

/// Finds each watched region's champion on `models.registry` and loads its model card from the
/// artifact store when the champion's version changes.
///
/// The first look waits until the registry reader has read everything on the topic, so the
/// monitor never watches a region against a stale champion after a restart.
public final class ChampionSource: Sendable {
    private let registry: LatestValueReader<ModelEvent>
    private let admin: KafkaAdmin?
    private let artifacts: ArtifactStore
    private let executor = BlockingExecutor(label: "homeprice.monitor.cards")
    private let regions: [String]
    private let modelName: @Sendable (String) -> String
    private let loaded = Mutex((caughtUp: false, versions: [String: String]()))

    /// A source over a registry reader.
    ///
    /// - Parameters:
    ///   - registry: The `models.registry` reader (run it in the same service group).
    ///   - admin: Reads the registry's watermarks for the first look; `nil` skips the wait.
    ///   - artifacts: The store holding the cards.
    ///   - regions: The regions watched.
    ///   - modelName: The model name of a region.
    public init(
        registry: LatestValueReader<ModelEvent>, admin: KafkaAdmin?, artifacts: ArtifactStore, regions: [String],
        modelName: @escaping @Sendable (String) -> String
    ) {
        self.registry = registry
        self.admin = admin
        self.artifacts = artifacts
        self.regions = regions
        self.modelName = modelName
    }

    /// The registry state as read so far.
    public var state: RegistryState { RegistryState(latestPerKey: registry.values) }

    /// The champions whose version changed since the last call (all of them the first time);
    /// a card that cannot be read is reported in `failures` and tried again on the next call.
    ///
    /// - Throws: when the first look cannot wait for the registry (see
    ///   ``Pipeline/LatestValueReader/waitUntilCaughtUp(admin:)``).
    public func changedChampions() async throws -> (champions: [ChampionReference], failures: [MonitorError]) {
        if let admin, !loaded.withLock({ $0.caughtUp }) {
            try await registry.waitUntilCaughtUp(admin: admin)
            loaded.withLock { $0.caughtUp = true }
        }
        let state = self.state
        var champions: [ChampionReference] = [], failures: [MonitorError] = []
        for region in regions {
            let model = modelName(region)
            guard let champion = state.champion(of: model), let uri = champion.cardURI,
                loaded.withLock({ $0.versions[region] }) != champion.version
            else { continue }
            do {
                let artifacts = self.artifacts
                let card = try await executor.run { try artifacts.card(at: uri) }
                champions.append(try ChampionReference(card: card))
                loaded.withLock { $0.versions[region] = champion.version }
            } catch let error as MonitorError {
                failures.append(error)
            } catch {
                failures.append(MonitorError(.unusableCard, reason: "\(error)", input: "\(model)@\(champion.version)"))
            }
        }
        return (champions, failures)
    }
}
