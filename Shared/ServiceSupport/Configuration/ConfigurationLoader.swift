import Configuration
import Foundation
import SystemPackage

/// Builds the configuration reader every HomePrice process uses: environment variables over
/// the YAML files of `configs/` over the defaults given at each read.
///
/// A key `kafka.producer.lingerMs` is overridden by the environment variable
/// `KAFKA_PRODUCER_LINGER_MS`.
public enum ConfigurationLoader {
    /// A reader over the environment and `files` (names inside `configs/`, or absolute paths
    /// of a user's own files anywhere; highest priority first); missing files are skipped.
    ///
    /// - Parameter environment: The environment variables that override the files; the
    ///   process's own unless a test gives others.
    public static func reader(
        layout: ProjectLayout?, files: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(ServiceSupportError) -> ConfigReader {
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider(environmentVariables: environment)]
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
