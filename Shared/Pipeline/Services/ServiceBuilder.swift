import Configuration
import Logging
import ServiceLifecycle
import ServiceSupport

/// The wiring of one service process, the same shape for every service.
///
/// The executable's `main` hands the builder to ``ServiceMain/run(_:arguments:)``; tests call
/// ``services(reader:layout:logger:)`` with an in-memory `ConfigReader` and run the real
/// wiring against their own broker.
public protocol ServiceBuilder {
    /// The logging label of the process, for example `homeprice.preprocessor`.
    static var label: String { get }

    /// The files of `configs/` the service reads, highest priority first; `pipeline.yaml` and
    /// `kafka.yaml` are always read after them.
    static var configurationFiles: [String] { get }

    /// Every service of the process, in the order a `ServiceGroup` runs them (clients first,
    /// the stage's processor last, so it shuts down first).
    static func services(reader: ConfigReader, layout: ProjectLayout?, logger: Logger) async throws -> [any Service]
}
