import Foundation
import Schema

/// The model registry rebuilt purely from `models.registry` events: every version's lifecycle
/// state and every alias's target, per model.
///
/// The state is a function of the latest event per key: a lifecycle event replaces its version
/// (`<model>@<version>`), an alias move replaces its alias (`<model>#<alias>`). So applying a
/// whole history one event at a time (``apply(_:)``) and rebuilding from what compaction leaves
/// (``init(latestPerKey:)``) give equal states, and a consumer can compare the two.
///
/// An event the registry cannot read (an alias move without an alias, or a lifecycle kind with
/// one) removes what its key held, exactly as it hides that under compaction; the factories in
/// ``ModelEvent`` never write one.
public struct RegistryState: Sendable, Equatable {
    private var versionsByKey: [String: ModelVersion] = [:]
    private var aliasesByKey: [String: AliasTarget] = [:]
    /// The highest integer version any lifecycle event named, per model; lifecycle keys are
    /// never compacted away, so version numbers never repeat.
    private var highestVersions: [String: Int] = [:]

    /// An empty registry.
    public init() {}

    /// The registry that the latest event per key states, for example as read from the
    /// compacted `models.registry` topic.
    public init(latestPerKey: [String: ModelEvent]) {
        for event in latestPerKey.values.sorted(by: { ($0.at, $0.key) < ($1.at, $1.key) }) {
            apply(event)
        }
    }

    /// Applies the next event of the topic.
    public mutating func apply(_ event: ModelEvent) {
        if event.alias != nil {
            aliasesByKey[event.key] = AliasTarget(event)
        } else {
            if let number = Int(event.version) {
                highestVersions[event.modelName] = max(number, highestVersions[event.modelName] ?? 0)
            }
            versionsByKey[event.key] = ModelVersion(event)
        }
    }

    /// Every model with a version or an alias, in name order.
    public var models: [String] {
        Set(versionsByKey.values.map(\.modelName) + aliasesByKey.values.map(\.modelName)).sorted()
    }

    /// Every version of `model`, oldest first.
    public func versions(of model: String) -> [ModelVersion] {
        versionsByKey.values.filter { $0.modelName == model }.sorted { ModelVersion.precedes($0.version, $1.version) }
    }

    /// One version of `model`.
    public func version(_ version: String, of model: String) -> ModelVersion? {
        versionsByKey["\(model)@\(version)"]
    }

    /// The versions of `model` that can serve, oldest first.
    public func servableVersions(of model: String) -> [ModelVersion] {
        versions(of: model).filter(\.isServable)
    }

    /// Every alias of `model` and where it points, in alias order.
    public func aliases(of model: String) -> [AliasTarget] {
        aliasesByKey.values.filter { $0.modelName == model }.sorted { $0.alias < $1.alias }
    }

    /// Where `alias` of `model` points, if it was ever moved.
    public func target(of alias: String, model: String) -> AliasTarget? {
        aliasesByKey["\(model)#\(alias)"]
    }

    /// The version `alias` of `model` points at, when that version can serve.
    public func version(for alias: String, of model: String) -> ModelVersion? {
        target(of: alias, model: model).flatMap { version($0.version, of: model) }.flatMap { $0.isServable ? $0 : nil }
    }

    /// The champion of `model`, when it can serve.
    public func champion(of model: String) -> ModelVersion? {
        version(for: ModelAlias.champion, of: model)
    }

    /// The version the next registration of `model` takes: one more than the highest integer
    /// version ever registered, rejected or archived, so versions never repeat.
    public func nextVersion(for model: String) -> String {
        String((highestVersions[model] ?? 0) + 1)
    }
}
