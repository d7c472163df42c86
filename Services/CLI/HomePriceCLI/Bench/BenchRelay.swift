import Kafka
import ServiceLifecycle

/// The benchmark's do-nothing relay: consumes a topic in a group and produces every message
/// unchanged to another topic, with the normalizer service's discipline (a batch at a time,
/// one awaited send per batch sent at once, offsets stored after delivery), so the two rates differ only
/// by the normalizer's work.
struct BenchRelay: Service {
    /// The group consumer of the input topic.
    let consumer: KafkaConsumer
    /// The producer of the output topic; runs in the same `ServiceGroup`, before the relay.
    let producer: KafkaProducer
    /// Where every message goes.
    let outputTopic: String

    /// Relays until graceful shutdown (after the batch in hand) or the consumer's close.
    func run() async throws {
        try await cancelWhenGracefulShutdown {
            var batches = consumer.messages.makeAsyncIterator()
            while !Task.isCancelled, let batch = try await batches.nextBatch(maximum: 500) {
                _ = try await producer.send(
                    batch.map { KafkaProducerMessage(topic: outputTopic, key: $0.key, value: $0.value) }, immediately: true)
                try consumer.storeOffsets(batch)
            }
        }
    }
}
