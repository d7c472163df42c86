import Foundation
import Logging
import ModelRegistry
import Pipeline
import Schema
import ServiceLifecycle
import Synchronization

/// The models the server serves, kept in step with `models.registry` without a restart.
///
/// Registry events arrive through ``receive(_:)`` (the registry reader's update callback, and
/// the server's own admin changes); ``run()`` turns them into a new ``ModelSnapshot``: every
/// servable version is loaded (reusing the ones already loaded with the same hash) off the
/// cooperative pool, then the snapshot is swapped in at once. A version that fails its
/// checksum or feature-schema check is refused, logged and reported through `onRefusal`, and
/// whatever served before keeps serving.
public final class ModelCatalog: Service, Sendable {
    private struct State {
        var events: [String: ModelEvent] = [:]
        /// Bumped by every received event; a reload publishes only a newer sequence.
        var sequence = 0
        var snapshot = ModelSnapshot.empty
        var ready = false
        var readyWaiters: [Int: CheckedContinuation<Void, any Error>] = [:]
        var nextWaiter = 0
    }

    private let loader: ModelLoader
    private let executor: BlockingExecutor
    private let logger: Logger
    private let onRefusal: @Sendable (String, ServerError) -> Void
    private let state = Mutex(State())
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    /// Creates a catalog.
    ///
    /// - Parameters:
    ///   - loader: Reads versions from the artifact store.
    ///   - logger: The service's logger.
    ///   - onRefusal: Told of each newly refused version (`name@version`) and why.
    public init(loader: ModelLoader, logger: Logger, onRefusal: @escaping @Sendable (String, ServerError) -> Void = { _, _ in }) {
        self.loader = loader
        self.logger = logger
        self.onRefusal = onRefusal
        executor = BlockingExecutor(label: "homeprice.server.models")
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// The snapshot requests use now.
    public var snapshot: ModelSnapshot { state.withLock { $0.snapshot } }

    /// Whether the registry was read to its end once and loaded (``markReady()``).
    public var isReady: Bool { state.withLock { $0.ready } }

    /// Declares the catalog ready: the registry as it stood at start is loaded.
    public func markReady() {
        let waiters = state.withLock { state in
            state.ready = true
            defer { state.readyWaiters = [:] }
            return Array(state.readyWaiters.values)
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once the catalog is ready.
    /// - Throws: `CancellationError` when cancelled first.
    public func waitUntilReady() async throws {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.ready { return .success(()) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.readyWaiters[id] = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            state.withLock { $0.readyWaiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Takes one registry event (the latest per key wins) and asks ``run()`` to reload.
    public func receive(_ event: ModelEvent) {
        state.withLock { state in
            if let known = state.events[event.key], known.at > event.at { return }
            state.events[event.key] = event
            state.sequence += 1
        }
        signal.yield()
    }

    /// Takes `events` and reloads before returning (the admin endpoints and tests).
    @discardableResult
    public func apply(_ events: [ModelEvent]) async throws -> ModelSnapshot {
        for event in events { receive(event) }
        return try await reload()
    }

    /// Reloads on every signal until graceful shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            for await _ in self.signals {
                do {
                    try await self.reload()
                } catch is CancellationError {
                    return
                } catch {
                    self.logger.error("model reload failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// Builds a snapshot of the events received so far and swaps it in, unless a newer one
    /// got there first; returns the snapshot in force afterwards. A version refused before is
    /// refused again without reading its file, unless `retryingRefused` (`POST /admin/reload`:
    /// the file may have arrived or been repaired since). Reloads run one after another on the
    /// catalog's queue, each from the snapshot the one before swapped in, so a reload that
    /// started earlier never puts back a refusal a retry just lifted.
    @discardableResult
    public func reload(retryingRefused: Bool = false) async throws -> ModelSnapshot {
        let (current, fresh) = try await executor.run { [self] () -> (ModelSnapshot, [(String, ServerError)]) in
            let (events, sequence, previous) = state.withLock { ($0.events, $0.sequence, $0.snapshot) }
            let registry = RegistryState(latestPerKey: events)
            let (models, refused, fresh) = Self.load(registry, previous: previous, retryingRefused: retryingRefused, loader: loader)
            let aliases = Self.aliases(registry, models: models, previous: previous)
            let current = state.withLock { state in
                if sequence >= state.snapshot.generation {
                    state.snapshot = ModelSnapshot(
                        registry: registry, models: models, aliases: aliases, refused: refused, generation: sequence)
                }
                return state.snapshot
            }
            return (current, fresh)
        }
        for (key, refusal) in fresh {
            logger.error("model refused; the previous model keeps serving", metadata: ["model": "\(key)", "error": "\(refusal)"])
            onRefusal(key, refusal)
        }
        logger.debug("models reloaded", metadata: ["generation": "\(current.generation)", "models": "\(current.models.count)"])
        return current
    }

    /// Every servable version loaded: reused when loaded before with the same hash, refused
    /// again silently when refused before with the same hash (unless `retryingRefused`).
    private static func load(_ registry: RegistryState, previous: ModelSnapshot, retryingRefused: Bool, loader: ModelLoader) -> (
        [String: LoadedModel], [String: RefusedModel], [(String, ServerError)]
    ) {
        var models: [String: LoadedModel] = [:]
        var refused: [String: RefusedModel] = [:]
        var fresh: [(String, ServerError)] = []
        for name in registry.models {
            for version in registry.servableVersions(of: name) {
                let key = "\(name)@\(version.version)"
                let sha256 = version.artifact?.sha256
                if let loaded = previous.models[key], loaded.sha256 == sha256 {
                    models[key] = loaded
                } else if !retryingRefused, let known = previous.refused[key], known.sha256 == sha256 {
                    refused[key] = known
                } else {
                    do {
                        models[key] = try loader.load(version)
                    } catch {
                        refused[key] = RefusedModel(sha256: sha256, error: error)
                        fresh.append((key, error))
                    }
                }
            }
        }
        return (models, refused, fresh)
    }

    /// Each alias's target when that version is loaded; otherwise the target it had in
    /// `previous`, when that version is still loaded; otherwise (a process just started, whose
    /// first snapshot finds the target refused) the version the alias pointed at before its
    /// latest move, when that one is loaded: the old model keeps serving across a restart too.
    private static func aliases(_ registry: RegistryState, models: [String: LoadedModel], previous: ModelSnapshot) -> [String: String] {
        var aliases: [String: String] = [:]
        for name in registry.models {
            for target in registry.aliases(of: name) {
                let key = "\(name)#\(target.alias)"
                if models["\(name)@\(target.version)"] != nil {
                    aliases[key] = target.version
                } else if let kept = previous.aliases[key], models["\(name)@\(kept)"] != nil {
                    aliases[key] = kept
                } else if let before = target.previousVersion, models["\(name)@\(before)"] != nil {
                    aliases[key] = before
                }
            }
        }
        return aliases
    }
}
