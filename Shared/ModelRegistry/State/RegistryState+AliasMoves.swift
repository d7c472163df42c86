import Foundation
import Schema

extension RegistryState {
    /// The event that points `alias` of `model` at `version`, remembering the alias's current
    /// version as the one to roll back to.
    ///
    /// - Throws: ``RegistryError/Code/unknownVersion`` when the version is not registered;
    ///   ``RegistryError/Code/invalidTransition`` when it is not validated with an artifact, or
    ///   when the alias already points at it (moving it again would erase the rollback target).
    public func promotion(
        of version: String, model: String, to alias: String = ModelAlias.champion, actor: String, reason: String?,
        at: Date
    ) throws(RegistryError) -> ModelEvent {
        let key = "\(model)@\(version)"
        guard let record = self.version(version, of: model) else {
            throw RegistryError(.unknownVersion, reason: "the version is not in the registry", input: key)
        }
        guard record.lifecycle == .validated, record.artifact != nil else {
            throw RegistryError(
                .invalidTransition,
                reason: "only a validated version with an artifact can be promoted, not a \(record.lifecycle.rawValue) one",
                input: key)
        }
        let current = target(of: alias, model: model)
        guard current?.version != version else {
            throw RegistryError(.invalidTransition, reason: "\(model)#\(alias) already points at \(version)", input: key)
        }
        return .promoted(
            modelName: model, alias: alias, version: version, previousVersion: current?.version, actor: actor,
            reason: reason, at: at)
    }

    /// The event that points `alias` of `model` back at the version it pointed at before its
    /// latest promotion.
    ///
    /// Compaction keeps one step of an alias's history, so only the latest promotion can be
    /// rolled back; after a rollback, promote a version explicitly.
    ///
    /// - Throws: ``RegistryError/Code/invalidTransition`` when the alias was never promoted,
    ///   had no previous version, was just rolled back, or its previous version can no longer
    ///   serve.
    public func rollback(
        of alias: String = ModelAlias.champion, model: String, actor: String, reason: String?, at: Date
    ) throws(RegistryError) -> ModelEvent {
        let key = "\(model)#\(alias)"
        guard let current = target(of: alias, model: model) else {
            throw RegistryError(.invalidTransition, reason: "the alias was never promoted", input: key)
        }
        guard current.move == .promoted else {
            throw RegistryError(
                .invalidTransition,
                reason: "the latest move was a rollback from \(current.previousVersion ?? "none"); promote a version instead",
                input: key)
        }
        guard let previous = current.previousVersion else {
            throw RegistryError(.invalidTransition, reason: "version \(current.version) was the alias's first target", input: key)
        }
        guard version(previous, of: model)?.isServable == true else {
            throw RegistryError(.invalidTransition, reason: "the previous version \(previous) can no longer serve", input: key)
        }
        return .rolledBack(
            modelName: model, alias: alias, version: previous, previousVersion: current.version, actor: actor,
            reason: reason, at: at)
    }
}
