/// The outcome of one consumer poll.
enum ConsumerPollResult: Sendable {
    /// A message.
    case message(KafkaConsumerMessage)
    /// A consumer error; fatal ones end the sequence.
    case error(KafkaError, fatal: Bool)
    /// Nothing arrived within the timeout.
    case nothing
}
