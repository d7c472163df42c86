/// Settings of a ``KafkaProducer``.
///
/// The defaults are the local profile of DESIGN.md (tansu): batch well (`linger.ms` 50) so
/// the broker stores few, large batches.
public struct KafkaProducerConfiguration: Sendable, Equatable {
    /// Shared client settings.
    public var client: KafkaClientConfiguration
    /// How long the producer waits to fill a batch (`linger.ms`).
    public var lingerMilliseconds: Int
    /// Most messages in one batch (`batch.num.messages`).
    public var batchMessages: Int
    /// Most bytes in one batch (`batch.size`).
    public var batchBytes: Int
    /// How long a message may wait for its acknowledgement before its delivery fails
    /// (`message.timeout.ms`): the bound on reporting an unreachable broker.
    public var messageTimeoutMilliseconds: Int
    /// Most messages waiting in the local queue (`queue.buffering.max.messages`);
    /// ``KafkaProducer/send(_:)`` waits for room beyond this.
    public var queueMaxMessages: Int
    /// Acknowledgements required (`acks`): `all`, `1` or `0`.
    public var acks: String
    /// Idempotent producer (`enable.idempotence`). Off in the local profile: tansu loses
    /// producer ids on restart, which makes an idempotent producer fatal.
    public var idempotent: Bool
    /// Compression codec (`compression.codec`).
    public var compression: String
    /// While no broker answers, how often the producer asks for metadata to learn that one
    /// answers again (an idle producer delivers nothing that would tell it).
    public var brokerProbeIntervalMilliseconds: Int

    /// Creates a producer configuration with the local-profile defaults.
    public init(
        client: KafkaClientConfiguration,
        lingerMilliseconds: Int = 50,
        batchMessages: Int = 10_000,
        batchBytes: Int = 1_000_000,
        messageTimeoutMilliseconds: Int = 30_000,
        queueMaxMessages: Int = 100_000,
        acks: String = "all",
        idempotent: Bool = false,
        compression: String = "none",
        brokerProbeIntervalMilliseconds: Int = 2_000
    ) {
        self.client = client
        self.lingerMilliseconds = lingerMilliseconds
        self.batchMessages = batchMessages
        self.batchBytes = batchBytes
        self.messageTimeoutMilliseconds = messageTimeoutMilliseconds
        self.queueMaxMessages = queueMaxMessages
        self.acks = acks
        self.idempotent = idempotent
        self.compression = compression
        self.brokerProbeIntervalMilliseconds = brokerProbeIntervalMilliseconds
    }

    /// Every librdkafka property of this producer, pass-through properties last.
    var librdkafkaProperties: [String: String] {
        var properties = client.librdkafkaProperties
        properties["linger.ms"] = String(lingerMilliseconds)
        properties["batch.num.messages"] = String(batchMessages)
        properties["batch.size"] = String(batchBytes)
        properties["message.timeout.ms"] = String(messageTimeoutMilliseconds)
        properties["queue.buffering.max.messages"] = String(queueMaxMessages)
        properties["acks"] = acks
        properties["enable.idempotence"] = String(idempotent)
        properties["compression.codec"] = compression
        properties.merge(client.properties) { _, passThrough in passThrough }
        return properties
    }
}
