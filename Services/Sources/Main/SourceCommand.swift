import ArgumentParser
import ServiceLifecycle
import ServiceSupport
import Sources

/// `homeprice-source --source ID [--config FILE] [--mapping FILE]`: the generic producer of one
/// source, configured by `configs/sources/producers/<ID>.yaml` (or a producer file anywhere) and
/// announced with `configs/sources/<ID>.yaml` (or a mapping file anywhere).
struct SourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homeprice-source",
        abstract: "Publish one source's records to homes.raw until its input is read (or SIGTERM/SIGINT).")

    @Option(help: "The source id: configs/sources/producers/<ID>.yaml.") var source: String
    @Option(help: "A producer file anywhere, instead of configs/sources/producers/<ID>.yaml.") var config: String?
    @Option(help: "A mapping file anywhere, instead of configs/sources/<ID>.yaml.") var mapping: String?

    func run() async throws {
        let (logger, observability) = try await Observability.bootstrap(label: "homeprice.source", layout: ProjectLayout.current())
        guard let layout = ProjectLayout.current() else {
            throw ServiceSupportError(code: .projectNotFound, reason: "no HomePrice project here: set HOMEPRICE_ROOT")
        }
        let services = try await SourceProcess.services(sourceId: source, file: config, mapping: mapping, layout: layout, logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services + observability.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
