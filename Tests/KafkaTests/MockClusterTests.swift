import Foundation
import Glibc
import Kafka
import ServiceSupport
import TestSupport
import Testing

@Suite("Producer and consumer against librdkafka's in-process mock cluster (fast, no broker)")
struct MockClusterTests {
    @Test("the mock cluster's thread blocks signals, so a signal to the test process cannot stop it (EINTR in its poll frees the cluster)")
    func mockThreadBlocksSignals() throws {
        let cluster = try KafkaMockCluster()
        // The thread names itself once it runs: look until it has (under a loaded test run
        // that can be after the cluster's creation returned).
        var mockThreads: [String] = []
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        while mockThreads.isEmpty, ContinuousClock.now < deadline {
            mockThreads = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").filter {
                (try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8))?.hasPrefix("rdk:mock") == true
            }
            if mockThreads.isEmpty { usleep(10_000) }
        }
        try #require(!mockThreads.isEmpty, "the mock cluster runs its own thread")
        for thread in mockThreads {
            let status = try String(contentsOfFile: "/proc/self/task/\(thread)/status", encoding: .utf8)
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") })
            let mask = try #require(UInt64(line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16))
            for signal in [SIGCHLD, SIGTERM, SIGINT, SIGUSR1, SIGALRM, SIGPIPE, SIGPROF] {
                #expect(mask & (1 << UInt64(signal - 1)) != 0, "thread \(thread) blocks signal \(signal)")
            }
        }
        _ = cluster.bootstrapServers
    }

    @Test("awaited sends report increasing offsets per partition, and a reader gets them back with keys and headers")
    func sendAndReadBack() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic("mock", partitions: 2)
        let messages = (0..<200).map {
            KafkaProducerMessage(topic: "mock", key: "k\($0 % 5)", value: "v\($0)", headers: [KafkaHeader(name: "n", string: "\($0)")])
        }
        let reports = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers),
            logger: KafkaTestClients.logger
        ) { producer in
            try await producer.send(messages)
        }
        for partition in Set(reports.map(\.partition)) {
            let offsets = reports.filter { $0.partition == partition }.map(\.offset)
            #expect(offsets == Array(0..<Int64(offsets.count)), "partition \(partition) offsets are dense and ordered")
        }

        let reader = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: KafkaClientConfiguration(bootstrapServers: cluster.bootstrapServers, clientId: "mock-reader"),
                subscription: .partitions([0, 1].map { KafkaTopicPartitionOffset(topic: "mock", partition: $0, position: .beginning) })
            ),
            logger: KafkaTestClients.logger
        )
        let received = try await withDeadline(.seconds(120), waitingFor: "200 messages") {
            var received: [KafkaConsumerMessage] = []
            for try await message in reader.messages {
                received.append(message)
                if received.count == 200 { break }
            }
            return received
        }
        await reader.close()
        #expect(Set(received.map(\.valueString)) == Set(messages.map { String(decoding: $0.value, as: UTF8.self) }))
        for message in received {
            let index = try #require(message.header("n")?.stringValue.flatMap(Int.init))
            #expect(message.keyString == "k\(index % 5)")
            #expect(message.valueString == "v\(index)")
        }
    }

    @Test("a graceful shutdown fails nothing that was queued: every enqueued message is delivered")
    func shutdownDeliversEverythingQueued() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic("queued", partitions: 1)
        let statistics = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers),
            logger: KafkaTestClients.logger
        ) { producer in
            for index in 0..<1_000 {
                try await producer.enqueue(KafkaProducerMessage(topic: "queued", key: nil, value: "\(index)"))
            }
            return producer
        }.statistics
        #expect(statistics.delivered == 1_000)
        #expect(statistics.failed == 0)
        #expect(statistics.outstanding == 0)
    }

    @Test("sending after shutdown is refused with a shut-down error")
    func sendingAfterShutdownIsRefused() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic("late", partitions: 1)
        let producer = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers),
            logger: KafkaTestClients.logger
        ) { $0 }
        await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaProducerMessage(topic: "late", key: nil, value: "x"))
        }
        do {
            try await producer.enqueue(KafkaProducerMessage(topic: "late", key: nil, value: "x"))
            Issue.record("enqueue after shutdown succeeded")
        } catch {
            #expect(error.code == .shutDown)
        }
    }

    @Test("a paused partition delivers nothing until it is resumed")
    func pausedPartitionWaitsForResume() async throws {
        let cluster = try KafkaMockCluster()
        try cluster.createTopic("paused", partitions: 2)
        let reader = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: KafkaClientConfiguration(bootstrapServers: cluster.bootstrapServers, clientId: "pause-reader"),
                subscription: .partitions([0, 1].map { KafkaTopicPartitionOffset(topic: "paused", partition: $0, position: .beginning) })
            ),
            logger: KafkaTestClients.logger
        )
        let held = KafkaTopicPartition(topic: "paused", partition: 1)
        try reader.pause([held])
        _ = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(cluster.bootstrapServers),
            logger: KafkaTestClients.logger
        ) { producer in
            try await producer.send(
                (0..<100).flatMap { index in
                    [0, 1].map { KafkaProducerMessage(topic: "paused", key: nil, value: "\(index)", partition: Int32($0)) }
                })
        }
        let partitions = try await withDeadline(.seconds(120), waitingFor: "both partitions") {
            var partitions: [Int32] = []
            for try await message in reader.messages {
                partitions.append(message.partition)
                if partitions.count == 100 { try reader.resume([held]) }
                if partitions.count == 200 { break }
            }
            return partitions
        }
        await reader.close()
        #expect(partitions.prefix(100).allSatisfy { $0 == 0 }, "nothing from the paused partition before resume")
        #expect(partitions.suffix(100).allSatisfy { $0 == 1 })
    }
}
