import Kafka
import ServiceSupport
import TestSupport
import Testing

@Suite("Consumer batches against librdkafka's in-process mock cluster")
struct ConsumerBatchTests {
    @Test(
        "batches line up with librdkafka's polls: 3,000 messages fetched at once come in batches of 500 or 3,000, none left over as a small one"
    )
    func batchesLineUpWithPolls() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic("aligned", partitions: 1)
        let count = 3_000
        _ = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers),
            logger: KafkaTestClients.logger
        ) { producer in
            try await producer.send((0..<count).map { KafkaProducerMessage(topic: "aligned", key: "k", value: "v\($0)") })
        }
        for maximum in [500, count] {
            let consumer = try KafkaConsumer(
                configuration: KafkaTestClients.groupConsumer(cluster.bootstrapServers, group: "aligned-\(maximum)", topics: ["aligned"]),
                logger: KafkaTestClients.logger
            )
            let sizes = try await withDeadline(.seconds(60), waitingFor: "\(count) messages in batches of \(maximum)") {
                var sizes: [Int] = []
                var batches = consumer.messages.makeAsyncIterator()
                while sizes.reduce(0, +) < count, let batch = try await batches.nextBatch(maximum: maximum) {
                    sizes.append(batch.count)
                    try consumer.storeOffsets(batch)
                }
                return sizes
            }
            await consumer.close()
            #expect(sizes.reduce(0, +) == count)
            #expect(sizes.allSatisfy { $0 <= maximum })
            // Polls of librdkafka's default 1,024 would leave 24 after two batches of 500, and
            // cap a batch at 1,024 whatever the maximum.
            #expect(sizes.filter { $0 < maximum }.count <= 1, "batch sizes \(sizes)")
            #expect(sizes.max() ?? 0 > KafkaConsumer.batchSize || maximum <= KafkaConsumer.batchSize, "batch sizes \(sizes)")
        }
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
