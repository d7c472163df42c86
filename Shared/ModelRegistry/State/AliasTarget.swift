import Foundation
import Schema

/// Where an alias of a model points, as its latest move says.
///
/// Compaction keeps only the latest move per alias, so the alias's history is one step deep:
/// the version it points at and the one it pointed at before.
public struct AliasTarget: Sendable, Equatable {
    /// The model name.
    public var modelName: String
    /// The alias, for example ``ModelAlias/champion``.
    public var alias: String
    /// The version the alias points at.
    public var version: String
    /// The version the alias pointed at before the latest move, if any.
    public var previousVersion: String?
    /// The latest move: ``ModelEventKind/promoted`` or ``ModelEventKind/rolledBack``.
    public var move: ModelEventKind
    /// Who moved the alias.
    public var actor: String
    /// Why.
    public var reason: String?
    /// When the alias moved.
    public var at: Date

    /// The target an alias move states, or `nil` for a lifecycle event or an alias event whose
    /// kind is not a move (which the registry cannot read).
    public init?(_ event: ModelEvent) {
        guard let alias = event.alias, event.kind == .promoted || event.kind == .rolledBack else { return nil }
        modelName = event.modelName
        self.alias = alias
        version = event.version
        previousVersion = event.previousVersion
        move = event.kind
        actor = event.actor
        reason = event.reason
        at = event.at
    }
}
