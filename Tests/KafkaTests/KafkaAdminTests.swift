import Kafka
import ServiceSupport
import TestSupport
import Testing

@Suite("Topic administration against a real tansu broker")
struct KafkaAdminTests {
    @Test("topics are created with their partition counts and configs, listed with true end offsets, and deleted")
    func createListAndDeleteTopics() async throws {
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            let plain = TestProject.uniqueTopic("plain")
            let compacted = TestProject.uniqueTopic("compacted")
            try await admin.createTopics([
                KafkaTopicSpecification(name: plain, partitions: 4),
                KafkaTopicSpecification(name: compacted, partitions: 1, configs: ["cleanup.policy": "compact"]),
            ])
            // Creating again is not an error: provisioning is idempotent.
            try await admin.createTopics([KafkaTopicSpecification(name: plain, partitions: 4)])

            let topics = try await admin.listTopics()
            #expect(topics.first { $0.name == plain }?.partitions == [0, 1, 2, 3])
            #expect(topics.first { $0.name == compacted }?.partitions == [0])

            _ = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers),
                logger: KafkaTestClients.logger
            ) { producer in
                try await producer.send((0..<25).map { KafkaProducerMessage(topic: plain, key: nil, value: "m\($0)", partition: 2) })
            }
            let marks = try await admin.watermarks(topic: plain, partitions: [0, 1, 2, 3])
            #expect(marks.map(\.high) == [0, 0, 25, 0], "one 25-message batch ends at offset 25")

            try await admin.deleteTopics([plain, compacted])
            let remaining = try await admin.listTopics().map(\.name)
            #expect(!remaining.contains(plain) && !remaining.contains(compacted))
        }
    }

    @Test("a group's lag is what it has not committed past: the whole topic before it read, the rest once it read four and closed")
    func consumerLag() async throws {
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            let topic = TestProject.uniqueTopic("lag")
            try await KafkaTestClients.createTopic(topic, partitions: 2, on: broker.bootstrapServers)
            _ = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
            ) { producer in
                _ = try await producer.send((0..<10).map { KafkaProducerMessage(topic: topic, key: nil, value: "m\($0)", partition: 0) })
                _ = try await producer.send((0..<3).map { KafkaProducerMessage(topic: topic, key: nil, value: "n\($0)", partition: 1) })
            }
            let before = try await admin.lag(group: "lag-readers", topic: topic)
            #expect(before.total == 13)
            #expect(before.partitions.map(\.committed) == [nil, nil])

            var configuration = KafkaTestClients.groupConsumer(broker.bootstrapServers, group: "lag-readers", topics: [topic])
            configuration.offsetReset = .earliest
            let consumer = try KafkaConsumer(configuration: configuration, logger: KafkaTestClients.logger)
            var read = 0
            for try await message in consumer.messages where message.partition == 0 {
                try consumer.storeOffset(message)
                read += 1
                if read == 4 { break }
            }
            await consumer.close()
            let after = try await admin.lag(group: "lag-readers", topic: topic)
            #expect(after.partitions.first { $0.partition == 0 }?.committed == 4)
            #expect(after.partitions.first { $0.partition == 0 }?.lag == 6)
            #expect(after.partitions.first { $0.partition == 1 }?.committed == nil, "nothing stored there, nothing committed")
            #expect(after.total == 9)
        }
    }

    @Test("every topic of the design is provisioned with its partition count")
    func provisionerCreatesEveryDesignTopic() async throws {
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            let partitions = Dictionary(uniqueKeysWithValues: try await admin.listTopics().map { ($0.name, $0.partitions.count) })
            for specification in TopicProvisioner.specifications {
                #expect(partitions[specification.name] == specification.partitions, "\(specification.name)")
            }
            #expect(TopicProvisioner.specifications.first { $0.name == "sources.catalog" }?.configs["cleanup.policy"] == "compact")
            #expect(TopicProvisioner.specifications.first { $0.name == "models.registry" }?.configs["cleanup.policy"] == "compact")
        }
    }
}
