import Kafka
import ServiceSupport
import TestSupport
import Testing

@Suite("Consumer batches against librdkafka's in-process mock cluster")
struct ConsumerBatchTests {
    @Test(
        "batches of 500 and of 3,000 (more than one of librdkafka's default polls) hand over 3,000 messages once each, none above its maximum"
    )
    func batchesRespectTheirMaximum() async throws {
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
            let received = try await withDeadline(.seconds(180), waitingFor: "\(count) messages in batches of \(maximum)") {
                var received: [KafkaConsumerMessage] = []
                var batches = consumer.messages.makeAsyncIterator()
                while received.count < count, let batch = try await batches.nextBatch(maximum: maximum) {
                    #expect(!batch.isEmpty && batch.count <= maximum)
                    received += batch
                    try consumer.storeOffsets(batch)
                }
                return received
            }
            await consumer.close()
            #expect(received.map(\.offset) == Array(0..<Int64(count)), "every message once, in order")
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
        let (received, batchCount) = try await withDeadline(.seconds(180), waitingFor: "300 messages in batches") {
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
        let committed = try await consumer.committedOffsets(for: partitions, timeout: .seconds(120))
        for partition in partitions {
            #expect(committed[partition] == Int64(reports.count { $0.partition == partition.partition }))
        }
        await consumer.close()
    }
}
