import Kafka
import ServiceSupport
import TestSupport
import Testing

/// What the members of a group processed, and who holds which partitions.
private actor GroupLedger {
    private(set) var processed: [String: [String]] = [:]
    private(set) var partitionsOfMember: [String: Set<Int32>] = [:]

    func record(_ message: KafkaConsumerMessage, by member: String) {
        processed[message.valueString, default: []].append(member)
        partitionsOfMember[member, default: []].insert(message.partition)
    }

    func count(withPrefix prefix: String) -> Int {
        processed.keys.filter { $0.hasPrefix(prefix) }.count
    }
}

@Suite("Consumer groups against a real tansu broker", .serialized)
struct ConsumerGroupTests {
    @Test("two consumers in one group split six partitions, and one takes over when the other leaves")
    func membersSplitPartitionsAndTakeOver() async throws {
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("group")
            try await KafkaTestClients.createTopic(topic, partitions: 6, on: broker.bootstrapServers)
            let ledger = GroupLedger()
            let first = try KafkaConsumer(
                configuration: KafkaTestClients.groupConsumer(broker.bootstrapServers, group: "split", topics: [topic], clientId: "first"),
                logger: KafkaTestClients.logger
            )
            let second = try KafkaConsumer(
                configuration: KafkaTestClients.groupConsumer(broker.bootstrapServers, group: "split", topics: [topic], clientId: "second"),
                logger: KafkaTestClients.logger
            )
            let producerConfiguration = KafkaTestClients.producer(broker.bootstrapServers)

            try await withThrowingTaskGroup(of: Void.self) { members in
                for (name, consumer) in [("first", first), ("second", second)] {
                    members.addTask {
                        for try await message in consumer.messages {
                            await ledger.record(message, by: name)
                            try consumer.storeOffset(message)
                        }
                    }
                }

                // Both members must hold partitions before the first batch, so the split is real.
                try await withDeadline(.seconds(180), waitingFor: "both members assigned") {
                    while first.assignment.count + second.assignment.count < 6 || first.assignment.isEmpty || second.assignment.isEmpty {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                #expect(first.assignment.isDisjoint(with: second.assignment))
                #expect(first.assignment.union(second.assignment).count == 6)

                try await Self.produce(prefix: "before", count: 600, topic: topic, configuration: producerConfiguration)
                try await withDeadline(.seconds(180), waitingFor: "600 messages split between members") {
                    while await ledger.count(withPrefix: "before") < 600 { try await Task.sleep(for: .milliseconds(50)) }
                }
                let split = await ledger.partitionsOfMember
                #expect(split["first", default: []].isDisjoint(with: split["second", default: []]))
                #expect(!split["first", default: []].isEmpty && !split["second", default: []].isEmpty)

                await second.close()
                try await withDeadline(.seconds(180), waitingFor: "the first member to take over every partition") {
                    while first.assignment.count < 6 { try await Task.sleep(for: .milliseconds(50)) }
                }
                try await Self.produce(prefix: "after", count: 600, topic: topic, configuration: producerConfiguration)
                try await withDeadline(.seconds(180), waitingFor: "600 messages after the takeover") {
                    while await ledger.count(withPrefix: "after") < 600 { try await Task.sleep(for: .milliseconds(50)) }
                }
                await first.close()
                try await members.waitForAll()
            }

            let processed = await ledger.processed
            #expect(processed.count == 1_200)
            #expect(processed.values.allSatisfy { $0.count == 1 }, "no message is processed twice across the rebalance")
            #expect(processed.filter { $0.key.hasPrefix("after") }.values.allSatisfy { $0 == ["first"] })
        }
    }

    private static func produce(prefix: String, count: Int, topic: String, configuration: KafkaProducerConfiguration) async throws {
        _ = try await KafkaProducer.withProducer(configuration: configuration, logger: KafkaTestClients.logger) { producer in
            try await producer.send((0..<count).map { KafkaProducerMessage(topic: topic, key: "key-\($0)", value: "\(prefix)-\($0)") })
        }
    }
}
