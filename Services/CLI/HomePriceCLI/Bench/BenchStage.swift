import Foundation
import Kafka
import Logging
import Schema
import ServiceLifecycle
import ServiceSupport
import Synchronization

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

    /// How a stage was timed.
    struct StageTiming {
        /// From the stage's assignment (or start) to the arrival of its last output.
        var seconds: Double
        /// From the creation of its first output to that of its last (the records' timestamps,
        /// which the producing client sets), scaled to every message: the stream alone, without
        /// the stage's start, its first fetch or its last delivery, whoever reads the outputs
        /// when.
        var streamSeconds: Double
        /// The outputs counted, by topic.
        var counts: [String: Int]
        /// The partitions each input consumer held when the last output arrived (how a group
        /// of instances split the input); empty for kcat's relay.
        var assignments: [Set<KafkaTopicPartition>]
    }

    /// Times the do-nothing relay (``BenchRelay``) from `input` to `output` in its own consumer
    /// group, until `count` messages came out.
    func measureRelay(from input: String, to output: String, count: Int) async throws -> StageTiming {
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-relay"), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(subscription: .group(id: "bench-relay", topics: [input]), clientId: "bench-relay"),
            logger: logger)
        let relay = BenchRelay(consumer: consumer, producer: producer, outputTopic: output)
        return try await measure("relay", services: [producer, consumer, relay], inputs: [consumer], outputs: [output], count: count)
    }

    /// The kcat the benchmarks compare the wrapper with (Debian's, installed by `scripts/setup`).
    static let kcat = "/usr/bin/kcat"

    /// Times kcat relaying `count` messages from `input` to `output`: one kcat reading every
    /// partition from the beginning to its end, its output piped into one kcat producing each
    /// message unchanged (key and value) with the wrapper's producer settings. The reference
    /// the wrapper's relay is held to: compare the two ``StageTiming/streamSeconds``. The wait
    /// has the stage's deadline; a kcat that fails ends it.
    func measureKcatRelay(from input: String, to output: String, count: Int) async throws -> StageTiming {
        guard FileManager.default.isExecutableFile(atPath: Self.kcat) else {
            throw BenchmarkFailure(reason: "kcat is not installed at \(Self.kcat); run scripts/setup")
        }
        let bootstrap = settings.client.bootstrapServers
        let producer = settings.producer
        let consume = BenchProcess.Command(
            executable: Self.kcat,
            arguments: [
                "-C", "-b", bootstrap, "-t", input, "-o", "beginning", "-e", "-q", "-K", "\t",
                "-X", "fetch.wait.max.ms=\(settings.consumerTemplate.fetchWaitMaxMilliseconds)",
            ])
        let produce = BenchProcess.Command(
            executable: Self.kcat,
            arguments: [
                "-P", "-b", bootstrap, "-t", output, "-K", "\t",
                "-X", "linger.ms=\(producer.lingerMilliseconds)", "-X", "batch.num.messages=\(producer.batchMessages)",
                "-X", "batch.size=\(producer.batchBytes)", "-X", "queue.buffering.max.messages=\(producer.queueMaxMessages)",
                "-X", "acks=\(producer.acks)", "-X", "compression.codec=\(producer.compression)",
                "-X", "enable.idempotence=\(producer.idempotent)", "-X", "message.timeout.ms=\(producer.messageTimeoutMilliseconds)",
            ])
        let reader = try BenchTopicReader(settings: settings, logger: logger).consumer([output])
        let start = ContinuousClock.now
        let outputs = try await withDeadline(
            Self.stageTimeout(messages: count), waitingFor: "\(count) outputs of kcat's relay on \(output)"
        ) {
            try await withThrowingTaskGroup(of: OutputTimes?.self) { tasks in
                tasks.addTask {
                    _ = try await BenchProcess.pipeline([consume, produce], capture: false)
                    return nil
                }
                tasks.addTask { try await timeOutputs(reader: reader, topics: [output], count: count, answersAnInput: { _ in true }) }
                var outputs: OutputTimes?
                do {
                    while let result = try await tasks.next() {
                        if let result { outputs = result }
                    }
                } catch {
                    tasks.cancelAll()
                    await reader.close()
                    throw error
                }
                guard let outputs else { throw BenchmarkFailure(reason: "kcat's relay gave no outputs") }
                return outputs
            }
        }
        return StageTiming(
            seconds: (outputs.last - start).seconds, streamSeconds: outputs.streamSeconds, counts: outputs.counts, assignments: [])
    }

    /// Runs a stage's services in a `ServiceGroup` (the processing service last, so it stops
    /// first on shutdown) until `count` messages came out on `outputs`, then shuts the group
    /// down gracefully. Every wait has a deadline; a service that fails ends the stage with
    /// its error.
    ///
    /// The stage's time runs from the moment the group first assigned partitions to one of
    /// `inputs` (one consumer per instance of the stage; so the join, seconds on tansu, counts
    /// for no stage) to the arrival of the last output. With several instances, a rebalance
    /// while the later ones join counts: the first instance works, alone, meanwhile; and a
    /// batch in flight at a rebalance may be processed twice, its outputs counted twice, so
    /// the count alone can end that many outputs early (see `committedBy`).
    ///
    /// Only outputs for which `answersAnInput` holds count towards `count` (a stage may publish
    /// more than one message per input).
    ///
    /// With `committedBy` (the stage's consumer group and input topic), the stage is done only
    /// once that group has committed the whole input and every output published by then was
    /// read: inputs processed twice (a batch in flight when a partition moved to another
    /// instance) then cannot end the count early, and their outputs delivered by then are in
    /// ``StageTiming/counts`` (an instance that lost the partition may still deliver some later).
    func measure(
        _ stage: String, services: [any Service], inputs: [KafkaConsumer], outputs: [String], count records: Int,
        answersAnInput: @escaping @Sendable (KafkaConsumerMessage) -> Bool = { _ in true },
        committedBy committed: (group: String, topic: String)? = nil
    ) async throws -> StageTiming {
        var configuration = ServiceGroupConfiguration(services: services, logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.shutdownTimeout
        configuration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        return try await withThrowingTaskGroup(of: StageTiming?.self) { tasks in
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
                    async let assigned = Self.firstAssignment(of: inputs)
                    let reader = try BenchTopicReader(settings: settings, logger: logger).consumer(outputs)
                    var drained: (@Sendable () async -> Bool)?
                    if let committed {
                        // Short probes, and a failed one means "not yet": the stage's deadline
                        // bounds the wait, not one query of the broker.
                        let admin = try KafkaAdmin(configuration: settings.client, timeout: .seconds(10))
                        drained = { (try? await admin.lag(group: committed.group, topic: committed.topic).total) == 0 }
                    }
                    let times = try await timeOutputs(
                        reader: reader, topics: outputs, count: records, answersAnInput: answersAnInput, drained: drained)
                    return StageTiming(
                        seconds: (times.last - (await assigned)).seconds, streamSeconds: times.streamSeconds, counts: times.counts,
                        assignments: inputs.map(\.assignment))
                }
                await group.triggerGracefulShutdown()
                return figures
            }
            var figures: StageTiming?
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

    /// The moment the first of `consumers` was assigned partitions (checked every millisecond;
    /// the caller bounds the wait).
    private static func firstAssignment(of consumers: [KafkaConsumer]) async -> ContinuousClock.Instant {
        while consumers.allSatisfy(\.assignment.isEmpty), !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(1))
        }
        return ContinuousClock.now
    }

    /// When a stage's outputs arrived, and were created.
    private struct OutputTimes: Sendable {
        var last: ContinuousClock.Instant
        var firstCreated: Date
        var lastCreated: Date
        var count: Int
        var counts: [String: Int]

        /// From the creation of the first output to that of the last, scaled to every output
        /// (the first one's share added).
        var streamSeconds: Double {
            lastCreated.timeIntervalSince(firstCreated) * Double(count) / Double(max(count - 1, 1))
        }
    }

    /// What the output reader has seen so far, shared by the task reading and the one waiting.
    private final class SharedOutputProgress: Sendable {
        let state: Mutex<OutputProgress>

        init(limit: Int?) {
            state = Mutex(OutputProgress(limit: limit))
        }
    }

    /// What the output reader has seen so far.
    private struct OutputProgress: Sendable {
        /// The most outputs that count; `nil`: every one read.
        let limit: Int?
        var received = 0
        var counts: [String: Int] = [:]
        var firstCreated = Date.distantFuture
        var lastCreated = Date.distantPast
        var last = ContinuousClock.now
        /// The offset after the last message read, by topic and partition.
        var ends: [String: [Int32: Int64]] = [:]

        mutating func take(_ message: KafkaConsumerMessage, answersAnInput: Bool) {
            ends[message.topic, default: [:]][message.partition] = message.offset + 1
            guard answersAnInput, received < limit ?? .max else { return }
            if let created = message.timestamp {
                firstCreated = min(firstCreated, created)
                lastCreated = max(lastCreated, created)
            }
            counts[message.topic, default: 0] += 1
            received += 1
            last = ContinuousClock.now
        }

        /// Whether every partition was read up to `marks` (topic and watermarks).
        func hasRead(_ marks: [String: [KafkaWatermarks]]) -> Bool {
            marks.allSatisfy { topic, partitions in
                partitions.allSatisfy { $0.high <= $0.low || (ends[topic]?[$0.partition] ?? 0) >= $0.high }
            }
        }
    }

    /// Reads `topics` with `reader` (from the beginning) until `count` messages arrived and, when
    /// `drained` is given, until it holds and every output published by then was read; returns
    /// when the last counted output arrived, when the first and the last were created, and the
    /// count per topic: the first `count` outputs, or with `drained` every one read (more than
    /// `count` when inputs were processed twice). Closes the reader.
    private func timeOutputs(
        reader: KafkaConsumer, topics: [String], count: Int, answersAnInput: @escaping @Sendable (KafkaConsumerMessage) -> Bool,
        drained: (@Sendable () async -> Bool)? = nil
    ) async throws -> OutputTimes {
        let progress = SharedOutputProgress(limit: drained == nil ? count : nil)
        do {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    for try await message in reader.messages {
                        let answers = answersAnInput(message)
                        progress.state.withLock { $0.take(message, answersAnInput: answers) }
                    }
                    if !Task.isCancelled {
                        let received = progress.state.withLock(\.received)
                        throw BenchmarkFailure(reason: "the output reader of \(topics) stopped after \(received) of \(count) messages")
                    }
                }
                // Checked every 5 ms: each output's arrival is stamped as it is read, so the
                // checks' period is not in the figures.
                tasks.addTask {
                    while progress.state.withLock({ $0.received < count }) { try await Task.sleep(for: .milliseconds(5)) }
                    guard let drained else { return }
                    while await !drained() { try await Task.sleep(for: .milliseconds(250)) }
                    let marks = try await outputWatermarks(topics)
                    while !progress.state.withLock({ $0.hasRead(marks) }) { try await Task.sleep(for: .milliseconds(5)) }
                }
                // The first to end: the waiter (then the reader is stopped) or a failed reader.
                try await tasks.next()
                tasks.cancelAll()
            }
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
        let seen = progress.state.withLock { $0 }
        // A reader stopped by cancellation from outside ends the group without an error.
        guard seen.received >= count else {
            throw BenchmarkFailure(reason: "the output reader of \(topics) stopped after \(seen.received) of \(count) messages")
        }
        guard seen.firstCreated <= seen.lastCreated else {
            throw BenchmarkFailure(reason: "the outputs on \(topics) carry no timestamps")
        }
        return OutputTimes(
            last: seen.last, firstCreated: seen.firstCreated, lastCreated: seen.lastCreated, count: seen.received, counts: seen.counts)
    }

    /// The watermarks of every partition of `topics`, by topic.
    private func outputWatermarks(_ topics: [String]) async throws -> [String: [KafkaWatermarks]] {
        let admin = try KafkaAdmin(configuration: settings.client, timeout: .seconds(30))
        var marks: [String: [KafkaWatermarks]] = [:]
        for topic in topics {
            marks[topic] = try await admin.watermarks(topic: topic, partitions: BenchTopicReader.partitions(of: topic))
        }
        return marks
    }
}
