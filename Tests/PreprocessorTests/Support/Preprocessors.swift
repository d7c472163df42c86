import Configuration
import PreprocessorCore
import ServiceSupport
import TestSupport

/// The preprocessor's configuration from the project's real files, as the executable reads it.
enum Preprocessors {
    /// When the fixtures' rows are computed.
    static let computedAt = Homes.date("2024-06-21T00:00:00Z")

    /// The reader of `configs/preprocessor.yaml`, `pipeline.yaml` and `kafka.yaml` (the
    /// executable's files), overridden by `environment` instead of the test process's variables.
    static func reader(environment: [String: String] = [:]) async throws -> ConfigReader {
        try await ConfigurationLoader.reader(
            layout: TestProject.layout, files: PreprocessorService.configurationFiles + ["pipeline.yaml", "kafka.yaml"],
            environment: environment)
    }

    /// The configuration of the real files overridden by `environment`.
    static func configuration(environment: [String: String] = [:]) async throws -> PreprocessorConfiguration {
        try PreprocessorConfiguration(reader: try await reader(environment: environment))
    }

    /// A preprocessor on the real configuration whose rows are computed at ``computedAt``.
    static func preprocessor() async throws -> Preprocessor {
        Preprocessor(configuration: try await configuration(), clock: { computedAt })
    }
}
