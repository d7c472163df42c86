import CRdKafka

/// Owns one librdkafka client handle (`rd_kafka_t`) for the lifetime of the object.
///
/// librdkafka handles are thread-safe, and this pointer never changes and is destroyed only in
/// `deinit`, so sharing it across threads is sound; everything mutable about a client lives in
/// its own lock-protected state.
final class RdKafkaHandle: Sendable {
    /// The `rd_kafka_t` handle.
    nonisolated(unsafe) let pointer: OpaquePointer

    /// Creates a client of `type` from `properties`; `configure` may add callbacks and event
    /// masks to the configuration before the handle is created.
    init(
        type: rd_kafka_type_t,
        properties: [String: String],
        configure: (OpaquePointer) -> Void = { _ in }
    ) throws(KafkaError) {
        let configuration = try Self.makeConfiguration(properties)
        configure(configuration)
        var reason = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(type, configuration, &reason, reason.count) else {
            rd_kafka_conf_destroy(configuration)
            throw KafkaError(
                code: .clientCreationFailed,
                reason: String(cBuffer: reason),
                input: properties["bootstrap.servers"]
            )
        }
        self.pointer = handle
    }

    deinit {
        rd_kafka_destroy(pointer)
    }

    /// Builds an `rd_kafka_conf_t`, naming the first property librdkafka rejects.
    private static func makeConfiguration(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
        let configuration = rd_kafka_conf_new()!
        var reason = [CChar](repeating: 0, count: 512)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            guard rd_kafka_conf_set(configuration, key, value, &reason, reason.count) == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(configuration)
                throw KafkaError(code: .invalidConfiguration, reason: String(cBuffer: reason), input: "\(key)=\(value)")
            }
        }
        return configuration
    }

    /// The client's name as librdkafka reports it (`rdkafka#producer-1`).
    var name: String { String(cString: rd_kafka_name(pointer)) }
}
