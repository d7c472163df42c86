import Foundation
import Kafka
import ServiceSupport
import TestSupport
import Testing

@Suite("Producing and consuming against a real tansu broker", .serialized)
struct ProducerConsumerTests {
    @Test("10,000 keyed messages with headers come back complete and in order per partition")
    func keyedMessagesRoundTripInOrder() async throws {
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("roundtrip")
            try await KafkaTestClients.createTopic(topic, partitions: 6, on: broker.bootstrapServers)

            let count = 10_000
            let messages = (0..<count).map { index in
                KafkaProducerMessage(
                    topic: topic,
                    key: "home-\(index % 97)",
                    value: #"{"sequence":\#(index)}"#,
                    headers: [KafkaHeader(name: "sequence", string: String(index)), KafkaHeader(name: "empty", value: nil)]
                )
            }
            let reports = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers),
                logger: KafkaTestClients.logger
            ) { producer in
                try await producer.send(messages)
            }
            #expect(reports.count == count)
            #expect(Set(reports.map(\.partition)).count == 6)

            let consumer = try KafkaConsumer(
                configuration: KafkaTestClients.groupConsumer(broker.bootstrapServers, group: "roundtrip", topics: [topic]),
                logger: KafkaTestClients.logger
            )
            let received = try await withDeadline(.seconds(180), waitingFor: "10,000 messages") {
                var received: [KafkaConsumerMessage] = []
                for try await message in consumer.messages {
                    received.append(message)
                    try consumer.storeOffset(message)
                    if received.count == count { break }
                }
                return received
            }
            await consumer.close()

            #expect(received.count == count)
            var partitionOfKey: [String: Int32] = [:]
            var lastSequenceOfKey: [String: Int] = [:]
            for message in received {
                let key = try #require(message.keyString)
                let sequence = try #require(message.header("sequence")?.stringValue.flatMap(Int.init))
                #expect(message.valueString == #"{"sequence":\#(sequence)}"#)
                #expect(message.header("empty") == KafkaHeader(name: "empty", value: nil))
                #expect(partitionOfKey[key, default: message.partition] == message.partition, "a key stays in one partition")
                partitionOfKey[key] = message.partition
                #expect(sequence > lastSequenceOfKey[key, default: -1], "messages of one key arrive in order")
                lastSequenceOfKey[key] = sequence
            }
            #expect(Set(received.compactMap { $0.header("sequence")?.stringValue }).count == count)
            let reportOfSequence = Dictionary(uniqueKeysWithValues: reports.enumerated().map { ($0.offset, $0.element) })
            for message in received.prefix(100) {
                let sequence = Int(message.header("sequence")!.stringValue!)!
                #expect(reportOfSequence[sequence]?.offset == message.offset)
                #expect(reportOfSequence[sequence]?.partition == message.partition)
            }
        }
    }

    @Test("a producer pointed at a closed port reports a delivery error when the configured message timeout runs out")
    func closedPortFailsDeliveryInTime() async throws {
        let closedPort = "127.0.0.1:\(LocalPort.free())"
        let outcome: Result<KafkaDeliveryReport, KafkaError> = try await withDeadline(.seconds(180), waitingFor: "delivery error") {
            try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(closedPort, messageTimeoutMilliseconds: 1_500),
                logger: KafkaTestClients.logger
            ) { producer in
                do {
                    return .success(try await producer.send(KafkaProducerMessage(topic: "nowhere", key: "k", value: "v")))
                } catch let error as KafkaError {
                    return .failure(error)
                }
            }
        }
        guard case .failure(let error) = outcome else {
            Issue.record("a message to a closed port was reported delivered")
            return
        }
        #expect(error.code == .deliveryFailed)
        // The configured message timeout ended it (not the test's deadline, not a shutdown).
        #expect(error.reason.localizedCaseInsensitiveContains("timed out"))
    }

    @Test("a batch sent immediately is delivered at once, not after the producer's two-minute linger")
    func immediateSendSkipsTheLinger() async throws {
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("immediate")
            try await KafkaTestClients.createTopic(topic, partitions: 2, on: broker.bootstrapServers)
            let configuration = {
                var configuration = KafkaTestClients.producer(broker.bootstrapServers, messageTimeoutMilliseconds: 300_000)
                configuration.lingerMilliseconds = 120_000
                return configuration
            }()
            let messages = (0..<50).map { KafkaProducerMessage(topic: topic, key: "home-\($0)", value: #"{"n":\#($0)}"#) }
            // Waiting out the linger would take two minutes; the deadline is far shorter.
            let reports = try await withDeadline(.seconds(60), waitingFor: "an immediate batch's delivery") {
                try await KafkaProducer.withProducer(configuration: configuration, logger: KafkaTestClients.logger) { producer in
                    try await producer.send(messages, immediately: true)
                }
            }
            #expect(reports.count == messages.count)
            #expect(Set(reports.map(\.topic)) == [topic])
        }
    }

    @Test("a message that is not valid JSON surfaces as a decode error naming its position, and the sequence goes on")
    func invalidJSONIsADecodeErrorAndConsumingContinues() async throws {
        struct Reading: Decodable { let value: Int }
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("decode")
            try await KafkaTestClients.createTopic(topic, partitions: 1, on: broker.bootstrapServers)
            try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers),
                logger: KafkaTestClients.logger
            ) { producer in
                _ = try await producer.send([
                    KafkaProducerMessage(topic: topic, key: "a", value: #"{"value":1}"#),
                    KafkaProducerMessage(topic: topic, key: "b", value: "not json {"),
                    KafkaProducerMessage(topic: topic, key: "c", value: #"{"value":3}"#),
                ])
            }
            let consumer = try KafkaConsumer(
                configuration: KafkaTestClients.groupConsumer(broker.bootstrapServers, group: "decode", topics: [topic]),
                logger: KafkaTestClients.logger
            )
            let outcomes = try await withDeadline(.seconds(120), waitingFor: "three messages") {
                var outcomes: [Result<Int, KafkaError>] = []
                for try await message in consumer.messages {
                    outcomes.append(
                        Result { () throws(KafkaError) in
                            try message.decode { try JSONDecoder().decode(Reading.self, from: Data($0)).value }
                        })
                    try consumer.storeOffset(message)
                    if outcomes.count == 3 { break }
                }
                return outcomes
            }
            await consumer.close()
            #expect(try outcomes[0].get() == 1)
            #expect(try outcomes[2].get() == 3)
            guard case .failure(let error) = outcomes[1] else {
                Issue.record("invalid JSON decoded")
                return
            }
            #expect(error.code == .decodingFailed)
            #expect(error.input == "\(topic)[0]@1")
        }
    }
}
