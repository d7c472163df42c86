import ModelRegistry

/// An immutable view of everything the server can serve: the registry as read, every loaded
/// version and where each alias points.
///
/// A request takes one snapshot and uses it to the end, and a reload builds a new one and
/// swaps it in whole, so no request ever sees half a reload or two versions of one alias.
public struct ModelSnapshot: Sendable {
    /// The registry as read from `models.registry` (plus the server's own admin events).
    public let registry: RegistryState
    /// Every loaded version, by `name@version`.
    public let models: [String: LoadedModel]
    /// Where each alias points (`name#alias` → version), only at loaded versions: an alias
    /// moved to a refused version keeps its previous loaded target.
    public let aliases: [String: String]
    /// The versions refused at loading, by `name@version`: the SHA-256 tried and why.
    public let refused: [String: RefusedModel]
    /// Counts the reloads; a newer snapshot has a higher generation.
    public let generation: Int

    /// Creates a snapshot.
    public init(
        registry: RegistryState, models: [String: LoadedModel], aliases: [String: String], refused: [String: RefusedModel],
        generation: Int
    ) {
        self.registry = registry
        self.models = models
        self.aliases = aliases
        self.refused = refused
        self.generation = generation
    }

    /// A snapshot with nothing loaded.
    public static let empty = ModelSnapshot(registry: RegistryState(), models: [:], aliases: [:], refused: [:], generation: 0)

    /// The loaded model `target` of `name` points at, if any.
    public func model(_ target: ModelTarget, of name: String) -> LoadedModel? {
        switch target {
        case .version(let version): models["\(name)@\(version)"]
        case .alias(let alias): aliases["\(name)#\(alias)"].flatMap { models["\(name)@\($0)"] }
        }
    }
}

/// A version the server would not load.
public struct RefusedModel: Sendable, Equatable {
    /// The SHA-256 the registry named (a new artifact for the version is tried again).
    public var sha256: String?
    /// Why it was refused.
    public var error: ServerError
}
