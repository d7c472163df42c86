import Foundation
import Kafka
import Logging
import Schema
import ServiceLifecycle
import ServiceSupport

/// Times one stream stage of a benchmark on a broker: its services run in a `ServiceGroup`
/// until a given number of messages came out on its output topics, then stop gracefully.
struct BenchStage {
    /// The broker's client settings.
    let settings: KafkaSettings
    let logger: Logger

    /// How long a stage may take from start (group join included) to its last output: five
    /// minutes, or longer for a stage of many messages (down to 100 messages/s).
    static func stageTimeout(messages: Int) -> Duration {
        max(.seconds(300), .milliseconds(10 * messages))
    }
    /// How long a stage's services may take to stop once shut down.
    static let shutdownTimeout: Duration = .seconds(30)

    /// Publishes a benchmark's input with one awaited send (bounded by two minutes).
    func publish(_ messages: [KafkaProducerMessage]) async throws {
        try await withDeadline(.seconds(120), waitingFor: "delivery of \(messages.count) messages") {
            try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-source"), logger: logger) {
                _ = try await $0.send(messages)
            }
        }
    }

    /// Times the do-nothing relay (``BenchRelay``) from `input` to `output` in its own consumer
    /// group, until `count` messages came out.
    func measureRelay(from input: String, to output: String, count: Int) async throws -> Double {
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-relay"), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(subscription: .group(id: "bench-relay", topics: [input]), clientId: "bench-relay"),
            logger: logger)
        let relay = BenchRelay(consumer: consumer, producer: producer, outputTopic: output)
        return try await measure("relay", services: [producer, consumer, relay], input: consumer, outputs: [output], count: count)
            .seconds
    }

    /// Times kcat relaying `count` messages from `input` to `output`: one kcat reading every
    /// partition from the beginning to its end, piped into one kcat producing each message
    /// unchanged (key and value) with the wrapper's producer settings. The reference the
    /// wrapper's relay is held to. Timed from the arrival of the first output to that of the
    /// last, scaled to `count` messages: kcat's start (connection, metadata, first fetch) is left
    /// out, while the wrapper's relay is timed from its assignment, its first fetch included, so
    /// the comparison errs in kcat's favour.
    func measureKcatRelay(from input: String, to output: String, count: Int) async throws -> Double {
        let bootstrap = settings.client.bootstrapServers
        let producer = settings.producer
        let consume = [
            "/usr/bin/kcat", "-C", "-b", bootstrap, "-t", input, "-o", "beginning", "-e", "-q", "-K", "'\t'",
            "-X", "fetch.wait.max.ms=\(settings.consumerTemplate.fetchWaitMaxMilliseconds)",
        ]
        let produce = [
            "/usr/bin/kcat", "-P", "-b", bootstrap, "-t", output, "-K", "'\t'",
            "-X", "linger.ms=\(producer.lingerMilliseconds)", "-X", "batch.num.messages=\(producer.batchMessages)",
            "-X", "batch.size=\(producer.batchBytes)", "-X", "queue.buffering.max.messages=\(producer.queueMaxMessages)",
            "-X", "acks=\(producer.acks)",
        ]
        async let relay = BenchProcess.run(
            "/bin/bash", ["-c", "set -o pipefail; " + consume.joined(separator: " ") + " | " + produce.joined(separator: " ")],
            capture: false)
        let outputs = try await timeOutputs(topics: [output], count: count, answersAnInput: { _ in true })
        _ = try await relay
        return (outputs.last - outputs.first).seconds * Double(count) / Double(max(count - 1, 1))
    }

    /// Runs a stage's services in a `ServiceGroup` (the processing service last, so it stops
    /// first on shutdown) until `count` messages came out on `outputs`, then shuts the group
    /// down gracefully. Every wait has a deadline; a service that fails ends the stage with
    /// its error.
    ///
    /// The stage's time runs from the moment the group assigned `input` its partitions (so the
    /// join, seconds on tansu, counts for neither stage) to the arrival of the last output.
    ///
    /// Only outputs for which `answersAnInput` holds count towards `count` (a stage may publish
    /// more than one message per input).
    func measure(
        _ stage: String, services: [any Service], input: KafkaConsumer, outputs: [String], count records: Int,
        answersAnInput: @escaping @Sendable (KafkaConsumerMessage) -> Bool = { _ in true }
    ) async throws -> (seconds: Double, counts: [String: Int]) {
        var configuration = ServiceGroupConfiguration(services: services, logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.shutdownTimeout
        configuration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        return try await withThrowingTaskGroup(of: (seconds: Double, counts: [String: Int])?.self) { tasks in
            tasks.addTask {
                try await withDeadline(Self.stageTimeout(messages: records) + Self.shutdownTimeout, waitingFor: "the \(stage) to stop") {
                    try await group.run()
                }
                return nil
            }
            tasks.addTask {
                let figures = try await withDeadline(
                    Self.stageTimeout(messages: records),
                    waitingFor: "\(records) outputs of the \(stage) on \(outputs.joined(separator: ", "))"
                ) {
                    async let assigned = Self.assignment(of: input)
                    let outputs = try await timeOutputs(topics: outputs, count: records, answersAnInput: answersAnInput)
                    return (seconds: (outputs.last - (await assigned)).seconds, counts: outputs.counts)
                }
                await group.triggerGracefulShutdown()
                return figures
            }
            var figures: (seconds: Double, counts: [String: Int])?
            do {
                while let result = try await tasks.next() {
                    if let result { figures = result }
                    // The services stopped on their own before every output arrived.
                    if result == nil, figures == nil {
                        throw BenchmarkFailure(reason: "the \(stage)'s services stopped before all \(records) outputs arrived")
                    }
                }
            } catch {
                tasks.cancelAll()
                throw error
            }
            guard let figures else { throw BenchmarkFailure(reason: "the \(stage) produced no figures") }
            return figures
        }
    }

    /// The moment `consumer` was first assigned partitions (checked every millisecond; the
    /// caller bounds the wait).
    private static func assignment(of consumer: KafkaConsumer) async -> ContinuousClock.Instant {
        while consumer.assignment.isEmpty, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(1))
        }
        return ContinuousClock.now
    }

    /// Reads `topics` from the beginning until `count` messages arrived; returns when the first
    /// and the last arrived and the count per topic.
    private func timeOutputs(
        topics: [String], count: Int, answersAnInput: (KafkaConsumerMessage) -> Bool
    ) async throws -> (
        first: ContinuousClock.Instant, last: ContinuousClock.Instant, counts: [String: Int]
    ) {
        let reader = try BenchTopicReader(settings: settings, logger: logger).consumer(topics)
        var counts: [String: Int] = [:]
        var received = 0
        var first: ContinuousClock.Instant?
        do {
            for try await message in reader.messages {
                guard answersAnInput(message) else { continue }
                if first == nil { first = ContinuousClock.now }
                counts[message.topic, default: 0] += 1
                received += 1
                if received == count { break }
            }
        } catch {
            await reader.close()
            throw error
        }
        let last = ContinuousClock.now
        await reader.close()
        guard received == count, let first else {
            throw BenchmarkFailure(reason: "the output reader of \(topics) stopped after \(received) of \(count) messages")
        }
        return (first, last, counts)
    }
}
