import Foundation
import Logging

/// Sets up swift-log once per process: stderr, level from `LOG_LEVEL` (default `info`).
public enum LoggingBootstrap {
    /// Bootstraps the logging system and returns a logger for `label`.
    public static func bootstrap(label: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Logger {
        let level = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }
}
