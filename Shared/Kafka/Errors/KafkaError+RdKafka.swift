import CRdKafka

extension KafkaError {
    /// An error from a librdkafka response code.
    static func rdKafka(_ code: Code, _ err: rd_kafka_resp_err_t, input: String? = nil) -> KafkaError {
        KafkaError(code: rejectsMessage(err) ? .messageRejected : code, reason: String(cString: rd_kafka_err2str(err)), input: input)
    }

    /// Whether `err` concerns the message itself, so that no retry can deliver it.
    static func rejectsMessage(_ err: rd_kafka_resp_err_t) -> Bool {
        switch err {
        case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE, RD_KAFKA_RESP_ERR_INVALID_MSG, RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE,
            RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE, RD_KAFKA_RESP_ERR_INVALID_RECORD:
            true
        default:
            false
        }
    }

    /// An error from a librdkafka `rd_kafka_error_t`, which it destroys.
    static func consuming(_ code: Code, _ error: OpaquePointer, input: String? = nil) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(
            code: rejectsMessage(rd_kafka_error_code(error)) ? .messageRejected : code,
            reason: String(cString: rd_kafka_error_string(error)),
            input: input
        )
    }
}
