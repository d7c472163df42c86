import Foundation
import Logging
import NormalizerCore
import ServiceLifecycle
import ServiceSupport

// `homeprice-normalizer`: homes.raw -> homes.normalized (+ warehouse), configured by
// configs/normalizer.yaml, configs/kafka.yaml and configs/sources/, until SIGTERM/SIGINT.
LibrdkafkaRuntime.relaunchIfOutdated()
let logger = LoggingBootstrap.bootstrap(label: "homeprice.normalizer")
do {
    let services = try await NormalizerService.services(layout: ProjectLayout.current(), logger: logger)
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
} catch {
    logger.critical("the normalizer stopped", metadata: ["error": "\(error)"])
    exit(1)
}
