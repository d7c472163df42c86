import Foundation

/// A message read from a topic, with its position.
public struct KafkaConsumerMessage: Sendable, Hashable {
    /// The topic it was read from.
    public var topic: String
    /// Its partition.
    public var partition: Int32
    /// Its offset in the partition.
    public var offset: Int64
    /// Its key, if any.
    public var key: [UInt8]?
    /// Its payload.
    public var value: [UInt8]
    /// Its headers.
    public var headers: [KafkaHeader]
    /// The record timestamp, if the broker supplied one.
    public var timestamp: Date?

    /// Creates a consumer message.
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader],
        timestamp: Date?
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// The key read as UTF-8 text.
    public var keyString: String? { key.map { String(decoding: $0, as: UTF8.self) } }

    /// The payload read as UTF-8 text.
    public var valueString: String { String(decoding: value, as: UTF8.self) }

    /// `topic[partition]@offset`, how logs and errors name this message.
    public var position: String { "\(topic)[\(partition)]@\(offset)" }

    /// The first header with this name.
    public func header(_ name: String) -> KafkaHeader? {
        headers.first { $0.name == name }
    }

    /// Decodes the payload with `decode`, turning any failure into a
    /// ``KafkaError/Code/decodingFailed`` error that names this message's position.
    public func decode<Value>(_ decode: ([UInt8]) throws -> Value) throws(KafkaError) -> Value {
        do {
            return try decode(value)
        } catch {
            throw KafkaError(code: .decodingFailed, reason: "\(error)", input: position)
        }
    }
}
