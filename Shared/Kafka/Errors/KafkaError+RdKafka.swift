import CRdKafka

extension KafkaError {
    /// An error from a librdkafka response code.
    static func rdKafka(_ code: Code, _ err: rd_kafka_resp_err_t, input: String? = nil) -> KafkaError {
        KafkaError(code: code, reason: String(cString: rd_kafka_err2str(err)), input: input)
    }

    /// An error from a librdkafka `rd_kafka_error_t`, which it destroys.
    static func consuming(_ code: Code, _ error: OpaquePointer, input: String? = nil) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(code: code, reason: String(cString: rd_kafka_error_string(error)), input: input)
    }
}
