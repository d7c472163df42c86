import NormalizerCore
import Synchronization

/// The mapped records a ``PostgresWarehouse`` keeps decoded, one ``NormalizerCore/MappedRecordCache``
/// per region: instances write different regions at the same time, so what one instance kept
/// of a region stays true exactly as long as nobody else wrote that region.
///
/// Each region's cache is checked against the region's generation (bumped by every
/// transaction of the region) and all of them against the warehouse's generation (bumped by
/// every transaction that is not confined to a region, which may write anywhere).
final class RegionRecordCaches: Sendable {
    private struct State {
        var caches: [String: MappedRecordCache] = [:]
        /// The warehouse generation the caches were filled under.
        var generation: Int64?
    }

    /// The most records kept per region; zero keeps none.
    let limitPerRegion: Int
    private let state = Mutex(State())

    /// Creates empty caches of at most `limitPerRegion` records each.
    init(limitPerRegion: Int) {
        self.limitPerRegion = limitPerRegion
    }

    /// The cache of `region` for a transaction of this instance that found the warehouse at
    /// `generation` and moved the region's own generation to `regionGeneration`: emptied
    /// unless it was filled under `regionGeneration - 1` (nobody else wrote the region since),
    /// and every region's emptied when `generation` moved.
    func enter(region: String, generation: Int64, regionGeneration: Int64) -> MappedRecordCache {
        state.withLock { state in
            if state.generation != generation {
                for cache in state.caches.values { cache.removeAll() }
                state.generation = generation
            }
            let cache = state.caches[region] ?? MappedRecordCache(limit: limitPerRegion)
            state.caches[region] = cache
            cache.advance(from: regionGeneration - 1, to: regionGeneration)
            return cache
        }
    }

    /// Forgets every record of every region.
    func removeAll() {
        state.withLock { state in
            for cache in state.caches.values { cache.removeAll() }
            state.generation = nil
        }
    }
}
