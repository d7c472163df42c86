import Foundation
import ServiceSupport

/// What the supervisor writes to `.homeprice/cluster.json` and `status` reads.
public struct ClusterState: Codable, Sendable, Equatable {
    /// The supervisor's phase.
    public enum Phase: String, Codable, Sendable {
        /// Starting the broker, topics and services.
        case starting
        /// Everything started.
        case ready
        /// Stopping services and broker.
        case stopping
        /// Start failed; `error` says why.
        case failed
    }

    /// A supervised process.
    public struct ProcessState: Codable, Sendable, Equatable {
        /// Its name.
        public var name: String
        /// Its current process id, while running.
        public var pid: Int32?
        /// `running`, `restarting` (after a crash) or `completed` (exited 0); for the broker
        /// also `unreachable` (alive, not answering) or `dead` (its process exited).
        public var status: String
        /// How often it was restarted after a crash.
        public var restarts: Int
        /// How its last run ended (`exit 1`, `signal 9`).
        public var lastExit: String?
        /// Its log file.
        public var log: String
    }

    /// The supervisor's process id.
    public var supervisorPid: Int32
    /// Its phase.
    public var phase: Phase
    /// When it started.
    public var startedAt: Date
    /// The broker's `bootstrap.servers`.
    public var bootstrapServers: String
    /// The librdkafka version the supervisor runs with.
    public var librdkafka: String
    /// The broker process.
    public var broker: ProcessState?
    /// The services.
    public var services: [ProcessState]
    /// Why the start failed.
    public var error: String?
    /// What was removed from the state folder because the broker started empty.
    public var reset: [String]?

    /// The state file in `directory`.
    public static func file(in directory: URL) -> URL {
        directory.appendingPathComponent("cluster.json")
    }

    /// Reads the state file, if there is one.
    public static func read(from directory: URL) throws(ServiceSupportError) -> ClusterState? {
        let file = file(in: directory)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(ClusterState.self, from: data)
        } catch {
            throw ServiceSupportError(code: .stateFailed, reason: "unreadable cluster state: \(error)", input: file.path)
        }
    }

    /// Writes the state file atomically.
    public func write(to directory: URL) throws(ServiceSupportError) {
        let file = Self.file(in: directory)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(self).write(to: file, options: .atomic)
        } catch {
            throw ServiceSupportError(code: .stateFailed, reason: "cannot write cluster state: \(error)", input: file.path)
        }
    }
}
