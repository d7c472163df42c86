import Foundation
import Hummingbird
import Logging
import MonitorCore
import Pipeline
import Prometheus
import Schema

/// The monitor's web side on Hummingbird 2: `GET /` the dashboard, `GET /health`,
/// `GET /metrics` (Prometheus), `GET /report` (the latest run report of `homeprice demo`), and
/// `POST /review/{taskId}/approve|reject` (HTTP Basic with the configured reviewer credentials).
public enum MonitorApplication {
    /// Builds the router: `data` gives the dashboard's state, `desk` writes review decisions,
    /// `metrics` is the process's Prometheus registry, `reportFile` the HTML page `GET /report`
    /// answers with (404 until a run wrote it).
    public static func buildRouter(
        data: @escaping @Sendable () -> DashboardData, desk: ReviewDesk, credentials: BasicCredentials,
        metrics: PrometheusCollectorRegistry?, reportFile: URL
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in "ok\n" }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics?.emitToBuffer() ?? [])))
        }
        router.get("/") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: DashboardPage.render(data()))))
        }
        let files = BlockingExecutor(label: "homeprice.monitor.report")
        router.get("/report") { _, _ in
            guard let page = try? await files.run({ try Data(contentsOf: reportFile) }) else {
                throw HTTPError(.notFound, message: "no run report yet: `homeprice demo` writes \(reportFile.path)")
            }
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: page)))
        }
        for (action, status) in [("approve", ReviewStatus.approved), ("reject", .rejected)] {
            router.post("/review/:taskId/\(action)") { request, context in
                guard credentials.accepts(header: request.headers[.authorization]) else {
                    return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Basic realm=\"HomePrice review\""])
                }
                let taskId = try context.parameters.require("taskId")
                do {
                    _ = try await desk.decide(taskId: taskId, status: status, user: credentials.user, note: nil, at: Date())
                } catch let error as MonitorError {
                    throw HTTPError(error.code == .unknownReviewTask ? .notFound : .conflict, message: error.description)
                }
                return Response(status: .seeOther, headers: [.location: "/#review-queue"])
            }
        }
        return router
    }

    /// The application listening on `host:port`.
    public static func build(
        router: Router<BasicRequestContext>, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "homeprice-monitor"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
