/// Counters of a ``KafkaProducer`` since it started.
public struct KafkaProducerStatistics: Sendable, Equatable {
    /// Messages the broker acknowledged.
    public var delivered: UInt64
    /// Messages whose delivery failed.
    public var failed: UInt64
    /// Messages and requests librdkafka still holds (`rd_kafka_outq_len`).
    public var outstanding: Int
    /// The most recent delivery failure, if any.
    public var lastFailure: KafkaError?
}
