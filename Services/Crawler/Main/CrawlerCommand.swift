import ArgumentParser
import Crawler
import ServiceLifecycle
import ServiceSupport

/// `homeprice-crawler [--config FILE] [--mapping FILE]`: crawls the site of a crawler file (in
/// configs/ or anywhere) and publishes its listings to homes.raw.
struct CrawlerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homeprice-crawler",
        abstract: "Crawl a listing website into homes.raw, again every re-crawl interval, until SIGTERM/SIGINT.")

    @Option(help: "The crawler file: a name inside configs/ or a path anywhere.") var config = CrawlerConfiguration.defaultFile
    @Option(help: "The site's mapping file, anywhere (default: crawler.mappingFile, else configs/sources/<sourceId>.yaml).")
    var mapping: String?

    func run() async throws {
        let (logger, observability) = try await Observability.bootstrap(label: "homeprice.crawler", layout: ProjectLayout.current())
        guard let layout = ProjectLayout.current() else {
            throw ServiceSupportError(code: .projectNotFound, reason: "no HomePrice project here: set HOMEPRICE_ROOT")
        }
        let services = try await CrawlerProcess.services(file: config, mapping: mapping, layout: layout, logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services + observability.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
