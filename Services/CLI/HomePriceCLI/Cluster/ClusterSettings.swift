import Configuration
import ServiceSupport

/// The local cluster of `configs/cluster.yaml`: the broker and the supervised services.
public struct ClusterSettings: Sendable, Equatable {
    /// One service the supervisor runs and restarts.
    public struct ServiceDefinition: Sendable, Equatable {
        /// Its name (log file, status line, monitoring key).
        public var name: String
        /// The executable: a path, or a name looked up next to `homeprice` and then on `PATH`.
        public var command: String
        /// Its arguments.
        public var arguments: [String]
    }

    /// The broker port on 127.0.0.1.
    public var brokerPort: Int
    /// The first restart delay of a crashed service; doubled on each crash in a row.
    public var restartDelayMilliseconds: Int
    /// The longest restart delay.
    public var maximumRestartDelayMilliseconds: Int
    /// A service that ran this long before crashing was stable: its restart delay starts over.
    public var stableAfterMilliseconds: Int
    /// How often the supervisor checks the broker (process alive, port answering) and log sizes.
    public var healthCheckMilliseconds: Int
    /// A log file larger than this is rotated (`<name>.log` → `<name>.log.1`, one old file kept).
    public var maximumLogBytes: Int
    /// Folders and files of the state folder derived from the broker's topics (producer
    /// progress, the crawl journal): removed when a fresh (empty) broker starts, so every
    /// source publishes again instead of believing its records are already on the topics.
    public var resetOnFreshBroker: [String]
    /// How long a service may take to stop after SIGTERM before it is killed.
    public var stopGraceSeconds: Int
    /// How long `up` waits for the cluster to be ready: longer than the broker's own start
    /// timeout, which is part of it.
    public var readyTimeoutSeconds: Int
    /// The services, in start order.
    public var services: [ServiceDefinition]
    /// The consumer groups whose lag `homeprice status` and the main job show (`lag.groups`).
    public var watchedGroups: [WatchedConsumerGroup]

    /// Reads the settings (keys `broker.*`, `supervisor.*`, `services.*`, `lag.*`).
    /// - Throws: ``ServiceSupportError`` when a `lag.groups` entry is not `GROUP=TOPIC`.
    public init(reader: ConfigReader) throws(ServiceSupportError) {
        watchedGroups = try WatchedConsumerGroup.parse(reader.stringArray(forKey: "lag.groups", default: []), key: "lag.groups")
        brokerPort = reader.int(forKey: "broker.port", default: 9092)
        restartDelayMilliseconds = reader.int(forKey: "supervisor.restartDelayMs", default: 500)
        maximumRestartDelayMilliseconds = reader.int(forKey: "supervisor.maxRestartDelayMs", default: 30_000)
        stableAfterMilliseconds = reader.int(forKey: "supervisor.stableAfterMs", default: 60_000)
        healthCheckMilliseconds = reader.int(forKey: "supervisor.healthCheckMs", default: 1_000)
        maximumLogBytes = reader.int(forKey: "supervisor.maxLogBytes", default: 10_000_000)
        resetOnFreshBroker = reader.stringArray(forKey: "supervisor.resetOnFreshBroker", default: ["crawler", "sources"])
        stopGraceSeconds = reader.int(forKey: "supervisor.stopGraceSeconds", default: 10)
        readyTimeoutSeconds = reader.int(forKey: "supervisor.readyTimeoutSeconds", default: 120)
        services = reader.stringArray(forKey: "services.enabled", default: []).map { name in
            ServiceDefinition(
                name: name,
                command: reader.string(forKey: ConfigKey(["services", name, "command"]), default: "homeprice-\(name)"),
                arguments: reader.stringArray(forKey: ConfigKey(["services", name, "arguments"]), default: [])
            )
        }
    }

    /// Reads `configs/cluster.yaml` with environment overrides.
    public static func load(layout: ProjectLayout) async throws(ServiceSupportError) -> ClusterSettings {
        try ClusterSettings(reader: try await ConfigurationLoader.reader(layout: layout, files: ["cluster.yaml"]))
    }
}
