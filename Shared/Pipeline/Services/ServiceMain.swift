import Foundation
import Kafka
import Logging
import ServiceLifecycle
import ServiceSupport

/// The `main` of every service executable: finds the newer librdkafka, bootstraps logs and
/// metrics, reads the configuration (environment over `--config PATH` over `configs/`), builds
/// the services and runs them until SIGTERM or SIGINT.
public enum ServiceMain {
    /// Runs the process `Builder` describes; exits 1 with one line on standard error if it
    /// cannot start or stops on a failure.
    public static func run<Builder: ServiceBuilder>(_ builder: Builder.Type, arguments: [String] = CommandLine.arguments) async -> Never {
        LibrdkafkaRuntime.relaunchIfOutdated()
        let name = arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? Builder.label
        do {
            let layout = ProjectLayout.current()
            let files = try userConfiguration(arguments) + Builder.configurationFiles + ["pipeline.yaml", "kafka.yaml"]
            let (logger, observability) = try await Observability.bootstrap(label: Builder.label, layout: layout)
            let reader = try await ConfigurationLoader.reader(layout: layout, files: files)
            let services =
                withBrokerOutageReports(try await Builder.services(reader: reader, layout: layout, logger: logger), logger: logger)
                + observability
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("\(name) stopped: \(error)\n".utf8))
            exit(1)
        }
    }

    /// `services` with a ``BrokerOutageReporter`` right after the first producer among them, so
    /// every service process reports the broker's return on `pipeline.monitoring`.
    public static func withBrokerOutageReports(_ services: [any Service], logger: Logger) -> [any Service] {
        guard let index = services.firstIndex(where: { $0 is KafkaProducer }), let producer = services[index] as? KafkaProducer
        else { return services }
        var reported = services
        reported.insert(BrokerOutageReporter(producer: producer, logger: logger), at: index + 1)
        return reported
    }

    /// The file of `--config PATH`, made absolute, if the arguments name one.
    static func userConfiguration(_ arguments: [String]) throws(ServiceSupportError) -> [String] {
        guard let index = arguments.firstIndex(of: "--config") else { return [] }
        guard index + 1 < arguments.count else {
            throw ServiceSupportError(code: .invalidConfiguration, reason: "--config needs a file path", input: "--config")
        }
        let path = URL(fileURLWithPath: arguments[index + 1]).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw ServiceSupportError(code: .invalidConfiguration, reason: "no such configuration file", input: path)
        }
        return [path]
    }
}
