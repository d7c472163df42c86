import ArgumentParser
import Logging
import ServiceLifecycle
import ServiceSupport

/// `homeprice supervise`: the supervisor process that `up` starts; runs in the foreground.
struct SuperviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervise",
        abstract: "Run the local cluster in the foreground until SIGTERM or SIGINT (what `up` starts).",
        shouldDisplay: false
    )

    func run() async throws {
        let logger = LoggingBootstrap.bootstrap(label: "homeprice.supervisor")
        let environment = try await CLIEnvironment.load(label: "homeprice.supervisor")
        let supervisor = ClusterSupervisor(
            layout: environment.layout,
            settings: try await ClusterSettings.load(layout: environment.layout),
            kafka: environment.kafka,
            stateDirectory: environment.stateDirectory,
            logger: logger
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: supervisor)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
