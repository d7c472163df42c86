/// The messages of a ``KafkaConsumer``, in order per partition.
///
/// Iterating polls librdkafka: first without waiting; when nothing is there, the blocking poll
/// runs on the consumer's own dispatch queue, never on the cooperative pool. Non-fatal
/// consumer errors are logged and the sequence goes on; a fatal one is thrown. The sequence
/// ends when the consumer closes or the iterating task is cancelled.
public struct KafkaConsumerMessages: AsyncSequence, Sendable {
    public typealias Element = KafkaConsumerMessage
    public typealias Failure = KafkaError

    let consumer: KafkaConsumer

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(consumer: consumer)
    }

    /// Pulls the next message from librdkafka.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let consumer: KafkaConsumer

        public mutating func next() async throws(KafkaError) -> KafkaConsumerMessage? {
            while consumer.takeNextMessage() {
                if Task.isCancelled { return nil }
                var result = consumer.poll(timeoutMilliseconds: 0)
                if case .nothing = result {
                    result = await consumer.pollOffThePool()
                }
                switch result {
                case .message(let message):
                    consumer.holdMessage()
                    return message
                case .error(let error, let fatal):
                    if fatal { throw error }
                    consumer.logNonFatal(error)
                case .nothing:
                    continue
                }
            }
            return nil
        }
    }
}
