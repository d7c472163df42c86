import Foundation
import Kafka
import Logging
import ServiceSupport

/// `homeprice bench kafka`: produce and consume the same messages through the Swift wrapper,
/// kcat and the confluent-kafka Python client, each on a fresh tansu broker, in one run.
struct KafkaBenchmark {
    /// What to measure.
    struct Options {
        var messages: Int
        var messageBytes: Int
        var partitions: Int
        var includePython: Bool
    }

    /// One client's figures.
    struct Figure: Codable {
        let client: String
        let produceSeconds: Double
        let consumeSeconds: Double
        let produceMessagesPerSecond: Double
        let consumeMessagesPerSecond: Double

        init(client: String, messages: Int, produceSeconds: Double, consumeSeconds: Double) {
            self.client = client
            self.produceSeconds = produceSeconds
            self.consumeSeconds = consumeSeconds
            produceMessagesPerSecond = Double(messages) / produceSeconds
            consumeMessagesPerSecond = Double(messages) / consumeSeconds
        }
    }

    /// Everything the benchmark prints.
    struct Report: Codable {
        let messages: Int
        let messageBytes: Int
        let partitions: Int
        let librdkafka: String
        let figures: [Figure]
        /// Swift wrapper ÷ reference, per reference client and direction.
        let ratios: [String: Double]
        /// The goal: the wrapper reaches at least this share of kcat in both directions.
        let goal: Double
        let meetsGoal: Bool
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    func run(_ options: Options) async throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let records = BenchmarkRecords(count: options.messages, bytes: options.messageBytes)
        let file = workspace.appendingPathComponent("messages.tsv")
        try records.write(to: file)

        var figures = [
            try await onFreshBroker(options) { try await measureKcat($0, $1, file: file, options: options) },
            try await onFreshBroker(options) { try await measureSwift($0, $1, records: records, options: options) },
        ]
        if options.includePython {
            figures.append(try await onFreshBroker(options) { try await measurePython($0, $1, file: file, options: options) })
        }
        let swift = figures[1]
        var ratios: [String: Double] = [:]
        for reference in figures where reference.client != swift.client {
            ratios["produce.swiftOver\(reference.client.capitalized)"] = swift.produceMessagesPerSecond / reference.produceMessagesPerSecond
            ratios["consume.swiftOver\(reference.client.capitalized)"] = swift.consumeMessagesPerSecond / reference.consumeMessagesPerSecond
        }
        let goal = 0.8
        return Report(
            messages: options.messages,
            messageBytes: options.messageBytes,
            partitions: options.partitions,
            librdkafka: LibrdkafkaVersion.string,
            figures: figures,
            ratios: ratios,
            goal: goal,
            meetsGoal: (ratios["produce.swiftOverKcat"] ?? 0) >= goal && (ratios["consume.swiftOverKcat"] ?? 0) >= goal
        )
    }

    /// Runs `measure` against a new broker with a new topic, then stops the broker.
    private func onFreshBroker(
        _ options: Options,
        _ measure: (String, String) async throws -> Figure
    ) async throws -> Figure {
        try await TansuBroker.run(layout: layout, timeout: kafka.localBrokerStartTimeout) { broker in
            let topic = "bench"
            var client = kafka.client
            client.bootstrapServers = broker.bootstrapServers
            try await KafkaAdmin(configuration: client).createTopics([KafkaTopicSpecification(name: topic, partitions: options.partitions)])
            return try await measure(broker.bootstrapServers, topic)
        }
    }

    private func measureSwift(_ bootstrap: String, _ topic: String, records: BenchmarkRecords, options: Options) async throws -> Figure {
        var producerConfiguration = kafka.producer(clientId: "bench-swift")
        producerConfiguration.client.bootstrapServers = bootstrap
        let clock = ContinuousClock()
        let produceStart = clock.now
        let statistics = try await KafkaProducer.withProducer(configuration: producerConfiguration, logger: logger) { producer in
            for index in 0..<records.count {
                try await producer.enqueue(KafkaProducerMessage(topic: topic, key: records.key(index), value: records.value(index)))
            }
            try await producer.flush(timeout: .seconds(300))
            return producer.statistics
        }
        let produceSeconds = (clock.now - produceStart).seconds
        guard statistics.delivered == UInt64(records.count) else {
            throw KafkaError(code: .deliveryFailed, reason: "delivered \(statistics.delivered) of \(records.count)", input: topic)
        }

        var consumerConfiguration = kafka.consumer(
            subscription: .partitions(
                (0..<options.partitions).map {
                    KafkaTopicPartitionOffset(topic: topic, partition: Int32($0), position: .beginning)
                }),
            clientId: "bench-swift"
        )
        consumerConfiguration.client.bootstrapServers = bootstrap
        let consumeStart = clock.now
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        var received = 0
        var bytes = 0
        for try await message in consumer.messages {
            received += 1
            bytes &+= message.value.count
            if received == records.count { break }
        }
        let consumeSeconds = (clock.now - consumeStart).seconds
        await consumer.close()
        return Figure(client: "swift", messages: records.count, produceSeconds: produceSeconds, consumeSeconds: consumeSeconds)
    }

    private func measureKcat(_ bootstrap: String, _ topic: String, file: URL, options: Options) async throws -> Figure {
        let produceSeconds = try await BenchProcess.timed(
            "/usr/bin/kcat",
            [
                "-P", "-b", bootstrap, "-t", topic, "-K", "\t", "-l", file.path,
                "-X", "linger.ms=\(kafka.producer.lingerMilliseconds)",
                "-X", "batch.num.messages=\(kafka.producer.batchMessages)",
                "-X", "batch.size=\(kafka.producer.batchBytes)",
                "-X", "queue.buffering.max.messages=\(kafka.producer.queueMaxMessages)",
                "-X", "acks=\(kafka.producer.acks)",
            ])
        let consumeSeconds = try await BenchProcess.timed(
            "/usr/bin/kcat",
            [
                "-C", "-b", bootstrap, "-t", topic, "-o", "beginning", "-c", String(options.messages), "-q",
                "-X", "fetch.wait.max.ms=\(kafka.consumerTemplate.fetchWaitMaxMilliseconds)",
            ])
        return Figure(client: "kcat", messages: options.messages, produceSeconds: produceSeconds, consumeSeconds: consumeSeconds)
    }

    private func measurePython(_ bootstrap: String, _ topic: String, file: URL, options: Options) async throws -> Figure {
        struct Timings: Decodable {
            let produceSeconds: Double
            let consumeSeconds: Double
        }
        let python = layout.virtualEnvironment.appendingPathComponent("bin/python").path
        let script = layout.root.appendingPathComponent("scripts/bench/kafka_reference.py").path
        let output = try await BenchProcess.run(python, [script, bootstrap, topic, file.path, String(options.partitions)], capture: true)
        let timings = try JSONDecoder().decode(Timings.self, from: output)
        return Figure(
            client: "python", messages: options.messages,
            produceSeconds: timings.produceSeconds, consumeSeconds: timings.consumeSeconds
        )
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
