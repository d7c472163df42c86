import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// A service's Prometheus endpoint: `GET /metrics` (the text exposition format of every
/// swift-metrics metric the process recorded) and `GET /health`, on its own port.
///
/// Run it in the service's `ServiceGroup`; it stops listening on graceful shutdown.
public struct MetricsEndpoint: Service {
    /// The registry every swift-metrics metric of this process lands in.
    public let registry: PrometheusCollectorRegistry
    /// Where to listen.
    public let host: String
    /// The port (0 picks a free one).
    public let port: Int
    let logger: Logger

    /// Creates an endpoint over `registry`.
    public init(registry: PrometheusCollectorRegistry, host: String = "127.0.0.1", port: Int, logger: Logger) {
        self.registry = registry
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// Serves until graceful shutdown or cancellation.
    public func run() async throws {
        let server = try start()
        logger.info("metrics endpoint listening", metadata: ["http.address": "\(server.baseURL.absoluteString)/metrics"])
        let (shutdown, signal) = AsyncStream.makeStream(of: Void.self)
        await withGracefulShutdownHandler {
            for await _ in shutdown { break }
        } onGracefulShutdown: {
            signal.finish()
        }
        server.stop()
    }

    /// Starts the HTTP server (exposed for tests that need the chosen port).
    public func start() throws(ServiceSupportError) -> LocalHTTPServer {
        let registry = registry
        return try LocalHTTPServer(host: host, port: port) { request in
            switch (request.method, request.path) {
            case ("GET", "/metrics"):
                HTTPResponse(
                    status: 200,
                    headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")],
                    body: Data(registry.emitToBuffer())
                )
            case ("GET", "/health"):
                .text("ok\n")
            default:
                .notFound
            }
        }
    }
}
