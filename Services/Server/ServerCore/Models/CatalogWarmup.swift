import Kafka
import Logging
import Pipeline
import Schema
import ServiceLifecycle

/// Makes the catalog ready at start: reads `models.registry` to its end, loads what it names,
/// then marks the catalog ready, so the Kafka path takes no request before the models of the
/// registry are there (HTTP answers 503 until then).
struct CatalogWarmup: Service {
    let registry: LatestValueReader<ModelEvent>
    let admin: KafkaAdmin
    let catalog: ModelCatalog
    let logger: Logger

    /// Warms up, then waits for graceful shutdown; a shutdown during the warm-up is no failure.
    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await warmUp() }
            try await gracefulShutdown()
        } catch is CancellationError {
            return
        } catch  where Task.isShuttingDownGracefully {
            return
        }
    }

    private func warmUp() async throws {
        try await registry.waitUntilCaughtUp(admin: admin)
        let snapshot = try await catalog.reload()
        catalog.markReady()
        logger.info("models loaded", metadata: ["models": "\(snapshot.models.keys.sorted())", "refused": "\(snapshot.refused.count)"])
    }
}
