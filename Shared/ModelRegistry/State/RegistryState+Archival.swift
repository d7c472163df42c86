import Foundation
import Schema

extension RegistryState {
    /// The event that retires `version` of `model`, carrying its registration's references
    /// along.
    ///
    /// A version an alias points at is refused: archiving it would leave the alias pointing at
    /// a version that cannot serve. Move the alias first (promote another version or roll back).
    ///
    /// - Throws: ``RegistryError/Code/unknownVersion`` when the version is not registered;
    ///   ``RegistryError/Code/invalidTransition`` when it is already archived or an alias points
    ///   at it.
    public func archival(of version: String, model: String, actor: String, reason: String?, at: Date) throws(RegistryError)
        -> ModelEvent
    {
        let key = "\(model)@\(version)"
        guard let record = self.version(version, of: model) else {
            throw RegistryError(.unknownVersion, reason: "the version is not in the registry", input: key)
        }
        guard record.lifecycle != .archived else {
            throw RegistryError(.invalidTransition, reason: "the version is already archived", input: key)
        }
        let aliases = aliases(of: model).filter { $0.version == version }.map { "\(model)#\($0.alias)" }
        guard aliases.isEmpty else {
            throw RegistryError(
                .invalidTransition,
                reason: "\(aliases.joined(separator: ", ")) points at it; promote another version or roll back first",
                input: key)
        }
        return .archived(record, actor: actor, reason: reason, at: at)
    }
}
