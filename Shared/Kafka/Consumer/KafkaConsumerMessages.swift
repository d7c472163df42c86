/// The messages of a ``KafkaConsumer``, in order per partition.
///
/// Iterating takes batches from librdkafka: first without waiting; when nothing is there, the
/// blocking poll runs on the consumer's own dispatch queue, never on the cooperative pool.
/// Messages of partitions revoked while they waited in the batch are dropped (the new owner
/// reads them after the committed offset). Non-fatal consumer errors are logged and the
/// sequence goes on; a fatal one is thrown. The sequence ends when the consumer closes or the
/// iterating task is cancelled.
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
        private var buffered: [KafkaConsumerMessage] = []
        private var nextIndex = 0
        private var revocationsSeen = 0
        /// The most messages one poll of librdkafka takes (``nextBatch(maximum:)`` sets it).
        private var pollCapacity = KafkaConsumer.batchSize

        init(consumer: KafkaConsumer) {
            self.consumer = consumer
        }

        public mutating func next() async throws(KafkaError) -> KafkaConsumerMessage? {
            while consumer.takeNextMessage() {
                if nextIndex < buffered.count {
                    dropRevokedIfNeeded()
                    guard nextIndex < buffered.count else { continue }
                    let message = buffered[nextIndex]
                    nextIndex += 1
                    consumer.holdMessage()
                    return message
                }
                if Task.isCancelled { return nil }
                var batch = consumer.poll(timeoutMilliseconds: 0, capacity: pollCapacity)
                if batch.messages.isEmpty && batch.error == nil {
                    batch = await consumer.pollOffThePool(capacity: pollCapacity)
                }
                buffered = batch.messages
                nextIndex = 0
                revocationsSeen = consumer.revocations
                if let error = batch.error {
                    if batch.fatal { throw error }
                    consumer.logNonFatal(error, code: batch.errorCode)
                }
            }
            return nil
        }

        /// The next messages in order: waits like ``next()`` for the first, then adds up to
        /// `maximum - 1` more that librdkafka already handed over, without waiting for them.
        /// librdkafka is asked for at most `maximum` messages at a time, so batches line up
        /// with its polls (none is left over to make a small batch of its own), and it is only
        /// asked between batches, never while messages are in hand.
        ///
        /// Every message of the batch is in hand until the next call; store the offsets of the
        /// ones processed (the last of each partition is enough) before asking again. Returns
        /// `nil` when the sequence ends.
        public mutating func nextBatch(maximum: Int = KafkaConsumer.batchSize) async throws(KafkaError) -> [KafkaConsumerMessage]? {
            pollCapacity = Swift.max(1, maximum)
            guard let first = try await next() else { return nil }
            let end = Swift.min(buffered.count, nextIndex + Swift.max(0, maximum - 1))
            let batch = [first] + buffered[nextIndex..<end]
            nextIndex = end
            return batch
        }

        /// After a revocation, keeps only buffered messages of partitions still assigned.
        private mutating func dropRevokedIfNeeded() {
            let revocations = consumer.revocations
            guard revocations != revocationsSeen else { return }
            revocationsSeen = revocations
            let assignment = consumer.assignment
            buffered = buffered[nextIndex...].filter {
                assignment.contains(KafkaTopicPartition(topic: $0.topic, partition: $0.partition))
            }
            nextIndex = 0
        }
    }
}
