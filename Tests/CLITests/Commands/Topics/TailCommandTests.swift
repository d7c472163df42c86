import Foundation
import Kafka
import ServiceSupport
import TestSupport
import Testing

@Suite("homeprice tail, produce and topics as processes against a real tansu broker", .serialized)
struct TailCommandTests {
    @Test("a tail consumer killed with SIGKILL resumes after its last committed offset and loses nothing")
    func killedConsumerResumesAfterCommittedOffsets() async throws {
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("resume")
            try await KafkaTestClients.createTopic(topic, partitions: 3, on: broker.bootstrapServers)
            let total = 30_000
            let reports = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers),
                logger: KafkaTestClients.logger
            ) { producer in
                try await producer.send((0..<total).map { KafkaProducerMessage(topic: topic, key: "k\($0)", value: "\($0)") })
            }
            var ends: [Int32: Int64] = [:]
            for report in reports { ends[report.partition] = max(ends[report.partition] ?? 0, report.offset + 1) }
            let environment = [
                "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers,
                "KAFKA_CONSUMER_AUTO_COMMIT_INTERVAL_MS": "50",
            ]
            let arguments = ["tail", topic, "--group", "resumers", "--from-beginning"]

            // Killed halfway, from the thread reading its output: printing 15,000 lines takes
            // several of the 50 ms commit intervals, and the output pipe keeps it from printing
            // far ahead of the reader.
            // The bounds are generous: a CI machine running every suite at once may take minutes
            // to let the consumer join its group and print half the topic.
            let first = try HomepriceProcess(arguments, environment: environment)
            first.kill(afterLines: total / 2)
            _ = try await first.waitForLines(total / 2, timeout: .seconds(300))
            _ = try await first.waitForExit(timeout: .seconds(180))
            let partitions = (0..<3).map { KafkaTopicPartition(topic: topic, partition: Int32($0)) }
            let firstRun = try Self.positions(first.output)

            // The second run commits nothing while it runs and dies by SIGKILL, so the group's
            // committed offsets stay the first run's. Those are read once the second run has
            // joined and printed: an offset commit the first run sent just before its kill
            // may reach the broker after the kill, and by then it has been applied.
            let second = try HomepriceProcess(
                arguments, environment: environment.merging(["KAFKA_CONSUMER_AUTO_COMMIT_INTERVAL_MS": "3600000"]) { $1 })
            defer { second.kill() }
            _ = try await second.waitForLines(total - firstRun.count, timeout: .seconds(300))
            let committed = try await Self.committed(partitions, broker: broker)
            let remaining = total - Int(committed.values.reduce(0, +))
            _ = try await second.waitForLines(remaining, timeout: .seconds(300))
            second.kill()
            _ = try await second.waitForExit(timeout: .seconds(180))
            let secondRun = try Self.positions(second.output)

            #expect(committed.values.reduce(0, +) > 0, "a background commit before the kill")
            #expect(committed.values.reduce(0, +) < Int64(total), "the first run was killed mid-stream")
            for partition in partitions {
                let committedOffset: Int64 = committed[partition] ?? 0
                let end: Int64 = ends[partition.partition] ?? 0
                let offsets = secondRun.filter { $0.partition == partition.partition }.map { $0.offset }
                if committedOffset < end {
                    #expect(offsets.min() == committedOffset, "\(partition) resumes exactly at its committed offset")
                } else {
                    #expect(offsets.isEmpty, "\(partition) was complete: nothing is read again")
                }
            }
            let seen = Set(firstRun.map(\.value) + secondRun.map(\.value))
            #expect(seen == Set((0..<total).map(String.init)), "every message was printed by one of the runs")
            #expect(secondRun.count == remaining, "the restarted consumer re-reads nothing before the commit")
        }
    }

    @Test("a message produced with homeprice is read by kcat, and one produced with kcat is read by homeprice tail")
    func kcatInteroperates() async throws {
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("interop")
            try await KafkaTestClients.createTopic(topic, partitions: 1, on: broker.bootstrapServers)
            let environment = ["KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers]

            let produced = try await HomepriceProcess.run(
                ["produce", topic, #"{"price":130000}"#, "--key", "home-1", "--header", "source=homeprice"],
                environment: environment
            )
            #expect(produced.status == 0, "\(produced.errors)")
            let read = try Self.kcat(["-C", "-b", broker.bootstrapServers, "-t", topic, "-c", "1", "-e", "-q", "-f", "%k|%s|%h\\n"])
            #expect(read.trimmingCharacters(in: .whitespacesAndNewlines) == #"home-1|{"price":130000}|source=homeprice"#)

            _ = try Self.kcat(
                ["-P", "-b", broker.bootstrapServers, "-t", topic, "-k", "home-2", "-H", "source=kcat"],
                input: #"{"price":250000}"#
            )
            let tailed = try await HomepriceProcess.run(["tail", topic, "--from-beginning", "--count", "2"], environment: environment)
            #expect(tailed.status == 0, "\(tailed.errors)")
            let record = try #require(tailed.output.last.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
            #expect(record["key"] as? String == "home-2")
            #expect((record["value"] as? [String: Any])?["price"] as? Int == 250_000)
            #expect((record["headers"] as? [String: Any])?["source"] as? String == "kcat")
            #expect(record["offset"] as? Int == 1)
        }
    }

    @Test("topics lists every topic with its partition count and true end offsets")
    func topicsListsPartitionsAndEndOffsets() async throws {
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("listed")
            try await KafkaTestClients.createTopic(topic, partitions: 2, on: broker.bootstrapServers)
            let environment = ["KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers]
            let lines = (0..<30).map { "k\($0 % 2)\t\($0)" }.joined(separator: "\n")
            _ = try Self.kcat(["-P", "-b", broker.bootstrapServers, "-t", topic, "-K", "\t", "-p", "1"], input: lines)
            let listed = try await HomepriceProcess.run(["topics", "--json"], environment: environment)
            #expect(listed.status == 0, "\(listed.errors)")
            let row = try #require(
                listed.output.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                    .first { $0["topic"] as? String == topic }
            )
            #expect(row["partitions"] as? Int == 2)
            #expect(row["endOffsets"] as? [Int] == [0, 30])
            #expect(row["messages"] as? Int == 30)
        }
    }

    // MARK: Helpers

    private struct Position {
        let partition: Int32
        let offset: Int64
        let value: String
    }

    private static func positions(_ lines: [String]) throws -> [Position] {
        try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Position(
                partition: Int32(try #require(object["partition"] as? Int)),
                offset: Int64(try #require(object["offset"] as? Int)),
                value: String(try #require(object["value"] as? Int))
            )
        }
    }

    private static func committed(_ partitions: [KafkaTopicPartition], broker: TansuBroker) async throws -> [KafkaTopicPartition: Int64] {
        var configuration = KafkaTestClients.groupConsumer(broker.bootstrapServers, group: "resumers", topics: [])
        configuration.subscription = .partitions([])
        configuration.client.properties["group.id"] = "resumers"
        let reader = try KafkaConsumer(configuration: configuration, logger: KafkaTestClients.logger)
        defer { Task { await reader.close() } }
        return try await reader.committedOffsets(for: partitions, timeout: .seconds(120))
    }

    /// Runs kcat with the newer librdkafka and returns what it printed.
    private static func kcat(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/kcat")
        process.arguments = arguments
        let library = TestProject.layout.virtualEnvironment.appendingPathComponent("librdkafka").path
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_LIBRARY_PATH": library]) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
