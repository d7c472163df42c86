import CoreMetrics
import Foundation
import Logging
import Prometheus
import ServiceSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("The Prometheus metrics endpoint")
struct MetricsEndpointTests {
    @Test("GET /metrics serves the registry's metrics in the text format, GET /health answers ok")
    func servesMetricsAndHealth() async throws {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let counter = factory.makeCounter(label: "kafka_producer_delivered_total", dimensions: [("client", "test")])
        counter.increment(by: 42)
        let endpoint = MetricsEndpoint(registry: registry, port: 0, logger: Logger(label: "test"))
        let server = try endpoint.start()
        defer { server.stop() }

        let (metrics, response) = try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("metrics"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let text = String(decoding: metrics, as: UTF8.self)
        #expect(text.contains(#"kafka_producer_delivered_total{client="test"} 42"#))

        let (health, _) = try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("health"))
        #expect(String(decoding: health, as: UTF8.self) == "ok\n")

        let (_, missing) = try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("nothing"))
        #expect((missing as? HTTPURLResponse)?.statusCode == 404)
    }
}
