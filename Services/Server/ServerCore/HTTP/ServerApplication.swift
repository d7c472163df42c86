import Hummingbird
import Logging
import NIOCore

/// The HTTP API of the model server.
public enum ServerApplication {
    /// The router: `/v1/predictions`, `/v1/feedback`, `/v1/models`, `/admin/...` (bearer
    /// token), `/health`, `/metrics`, `/openapi.yaml`; request metrics on every route.
    public static func router(components: ServerComponents) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ProblemMiddleware())
        SystemController(components: components).addRoutes(to: router)
        let v1 = router.group("v1")
        PredictionsController(components: components).addRoutes(to: v1)
        FeedbackController(components: components).addRoutes(to: v1)
        ModelsController(components: components).addRoutes(to: v1)
        let admin = router.group("admin").add(middleware: BearerTokenMiddleware(token: components.configuration.adminToken))
        AdminController(components: components).addRoutes(to: admin)
        return router
    }

    /// The application on the configured host and port.
    ///
    /// - Parameter onServerRunning: Called with the listening channel (tests read the port).
    public static func build(
        components: ServerComponents, logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(components: components),
            configuration: ApplicationConfiguration(
                address: .hostname(components.configuration.host, port: components.configuration.port), serverName: "homeprice-server"),
            onServerRunning: onServerRunning, logger: logger)
    }
}
