import Foundation
import Logging
import NormalizerCore
import ServiceLifecycle
import ServiceSupport

// `homeprice-normalizer`: homes.raw -> homes.normalized (+ warehouse), configured by
// configs/normalizer.yaml, configs/kafka.yaml and configs/sources/, until SIGTERM/SIGINT.
LibrdkafkaRuntime.relaunchIfOutdated()
do {
    let (logger, observability) = try await Observability.bootstrap(label: "homeprice.normalizer", layout: ProjectLayout.current())
    let services = try await NormalizerService.services(layout: ProjectLayout.current(), logger: logger) + observability
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
} catch {
    FileHandle.standardError.write(Data("homeprice-normalizer stopped: \(error)\n".utf8))
    exit(1)
}
