import Configuration
import Foundation
import SystemPackage

/// Builds the configuration reader every HomePrice process uses: environment variables over
/// the YAML files of `configs/` over the defaults given at each read.
///
/// A key `kafka.producer.lingerMs` is overridden by the environment variable
/// `KAFKA_PRODUCER_LINGER_MS`. A list in an environment variable is comma-separated
/// (`TRAINER_REGIONS=US,CA`), except in ``lineSeparatedVariables``, whose items are one per
/// line because their values may hold commas.
public enum ConfigurationLoader {
    /// Environment variables whose list items are separated by line breaks, not commas:
    /// `KAFKA_PROPERTIES` (raw librdkafka `name=value` properties such as
    /// `sasl.jaas.config=… a=1, b=2` or `ssl.cipher.suites=A,B`).
    public static let lineSeparatedVariables: Set<String> = ["KAFKA_PROPERTIES"]

    /// A reader over the environment and `files` (names inside `configs/`, or absolute paths
    /// of a user's own files anywhere; highest priority first); missing files are skipped.
    ///
    /// - Parameter environment: The environment variables that override the files; the
    ///   process's own unless a test gives others.
    public static func reader(
        layout: ProjectLayout?, files: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(ServiceSupportError) -> ConfigReader {
        let lines = environment.filter { lineSeparatedVariables.contains($0.key) }
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: lines, arraySeparator: "\n"),
            EnvironmentVariablesProvider(environmentVariables: environment.filter { !lineSeparatedVariables.contains($0.key) }),
        ]
        for file in files {
            let path: String
            if file.hasPrefix("/") {
                path = file
            } else if let layout {
                path = layout.configs.appendingPathComponent(file).path
            } else {
                continue
            }
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(path), allowMissing: true))
            } catch {
                throw ServiceSupportError(code: .invalidConfiguration, reason: "\(error)", input: path)
            }
        }
        return ConfigReader(providers: providers)
    }
}
