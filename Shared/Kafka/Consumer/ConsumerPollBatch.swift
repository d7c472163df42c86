import CRdKafka

/// What one consumer poll returned: messages in order, and the first error met, if any.
struct ConsumerPollBatch: Sendable {
    /// The messages.
    var messages: [KafkaConsumerMessage] = []
    /// The first consumer error of the batch.
    var error: KafkaError?
    /// Whether that error is fatal (the sequence ends with it).
    var fatal = false
    /// librdkafka's code of that error.
    var errorCode = RD_KAFKA_RESP_ERR_NO_ERROR
}
