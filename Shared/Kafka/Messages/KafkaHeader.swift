/// A Kafka record header: a name and optional bytes.
public struct KafkaHeader: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The header value; `nil` is a header with no value.
    public var value: [UInt8]?

    /// Creates a header with raw bytes.
    public init(name: String, value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// Creates a header whose value is UTF-8 text.
    public init(name: String, string: String) {
        self.init(name: name, value: Array(string.utf8))
    }

    /// The value read as UTF-8 text, if there is one.
    public var stringValue: String? {
        value.map { String(decoding: $0, as: UTF8.self) }
    }
}
