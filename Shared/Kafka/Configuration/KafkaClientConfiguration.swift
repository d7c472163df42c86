/// Settings every client (producer, consumer, admin) shares.
///
/// Typed settings cover what HomePrice tunes; ``properties`` passes any other librdkafka
/// property through unchanged (SASL, TLS, debug contexts, …) and wins over the typed ones.
public struct KafkaClientConfiguration: Sendable, Equatable {
    /// Comma-separated `host:port` list (`bootstrap.servers`).
    public var bootstrapServers: String
    /// The client id shown in broker logs (`client.id`).
    public var clientId: String
    /// Whether the broker may create topics on first use (`allow.auto.create.topics`).
    /// Off by default: topics are created explicitly with their partition counts.
    public var allowAutoCreateTopics: Bool
    /// Raw librdkafka properties, applied after the typed settings.
    public var properties: [String: String]

    /// Creates a client configuration.
    public init(
        bootstrapServers: String,
        clientId: String = "homeprice",
        allowAutoCreateTopics: Bool = false,
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientId = clientId
        self.allowAutoCreateTopics = allowAutoCreateTopics
        self.properties = properties
    }

    /// librdkafka's own log level unless ``properties`` sets `log_level`: 2 (critical). Every
    /// problem a client must act on arrives as an error event or a failed delivery, which the
    /// clients log once per change (``ConnectivityLog``); librdkafka's per-retry lines ("Connect
    /// … failed", "1/1 brokers are down") would repeat them many times a second. Set
    /// `log_level` to 6 or 7 in ``properties`` (the CLI's `--verbose`) to see them.
    public static let defaultLogLevel = "2"

    /// The librdkafka properties this configuration stands for.
    var librdkafkaProperties: [String: String] {
        ["bootstrap.servers": bootstrapServers, "client.id": clientId, "log_level": Self.defaultLogLevel]
    }
}
