import Kafka
import ServiceSupport
import TestSupport
import Testing

@Suite("Consumer batches against librdkafka's in-process mock cluster")
struct ConsumerBatchTests {
    @Test(
        "a batch is not cut where one of librdkafka's polls ends: three polls' worth of messages already fetched make batches larger than one poll"
    )
    func batchesSpanPolls() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic("spanning", partitions: 1)
        let count = 3 * KafkaConsumer.batchSize
        _ = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers),
            logger: KafkaTestClients.logger
        ) { producer in
            try await producer.send((0..<count).map { KafkaProducerMessage(topic: "spanning", key: "k", value: "v\($0)") })
        }
        let consumer = try KafkaConsumer(
            configuration: KafkaTestClients.groupConsumer(cluster.bootstrapServers, group: "spanning", topics: ["spanning"]),
            logger: KafkaTestClients.logger
        )
        let sizes = try await withDeadline(.seconds(60), waitingFor: "\(count) messages in batches") {
            var sizes: [Int] = []
            var batches = consumer.messages.makeAsyncIterator()
            while sizes.reduce(0, +) < count, let batch = try await batches.nextBatch(maximum: count) {
                sizes.append(batch.count)
                try consumer.storeOffsets(batch)
            }
            return sizes
        }
        await consumer.close()
        #expect(sizes.reduce(0, +) == count)
        #expect(sizes.max() ?? 0 > KafkaConsumer.batchSize, "batch sizes \(sizes)")
    }

    @Test("batches hand over every message once, in order per partition, and storing them commits after each partition's last")
    func batchesAndStoredOffsets() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic("batches", partitions: 2)
        let reports = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers),
            logger: KafkaTestClients.logger
        ) { producer in
            try await producer.send((0..<300).map { KafkaProducerMessage(topic: "batches", key: "k\($0 % 7)", value: "v\($0)") })
        }
        let consumer = try KafkaConsumer(
            configuration: KafkaTestClients.groupConsumer(cluster.bootstrapServers, group: "batches", topics: ["batches"]),
            logger: KafkaTestClients.logger
        )
        let (received, batchCount) = try await withDeadline(.seconds(60), waitingFor: "300 messages in batches") {
            var received: [KafkaConsumerMessage] = []
            var batchCount = 0
            var batches = consumer.messages.makeAsyncIterator()
            while received.count < 300, let batch = try await batches.nextBatch(maximum: 64) {
                #expect(!batch.isEmpty && batch.count <= 64)
                received += batch
                batchCount += 1
                try consumer.storeOffsets(batch)
            }
            return (received, batchCount)
        }
        #expect(received.count == 300)
        #expect(batchCount < 300, "messages already fetched come in one batch")
        for partition in Set(reports.map(\.partition)) {
            let offsets = received.filter { $0.partition == partition }.map(\.offset)
            #expect(offsets == Array(0..<Int64(offsets.count)), "partition \(partition) arrives once and in order")
        }
        try await consumer.commit()
        let partitions = Set(reports.map(\.partition)).map { KafkaTopicPartition(topic: "batches", partition: $0) }
        let committed = try await consumer.committedOffsets(for: partitions)
        for partition in partitions {
            #expect(committed[partition] == Int64(reports.count { $0.partition == partition.partition }))
        }
        await consumer.close()
    }
}
