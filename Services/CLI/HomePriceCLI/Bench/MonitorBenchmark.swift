import Features
import Foundation
import Kafka
import Logging
import ML
import MonitorCore
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

/// `homeprice bench monitor`: feature rows per second, and predictions plus their sale prices
/// per second, through the monitor's stream stage beside the do-nothing relay of the same
/// messages in the same run on a fresh tansu, and the monitor core's state and the process's
/// memory after a long stream.
///
/// Each pair of stages reads every partition of its topics from the beginning (no group join),
/// as the monitor service does: `homes.features`, then `predictions` and `feedback`. Each stage
/// is timed from its start to the last message handled: the relay's last output read back, the
/// monitor's handler count. The predictions stage fails unless the monitor joined predictions
/// to their sale prices. The memory part feeds the core in-process (no broker) and compares its
/// state at a tenth of the stream and at the end.
struct MonitorBenchmark {
    /// Everything the benchmark prints.
    struct Report: Codable {
        var rows: Int
        var relayRowsPerSecond: Double
        var monitorRowsPerSecond: Double
        var monitorOverRelay: Double
        var relaySeconds: Double
        var monitorSeconds: Double
        /// Predictions published to `predictions`, each with one sale price on `feedback`.
        var predictions: Int
        /// Predictions and sale prices: the messages each stage handles.
        var predictionMessages: Int
        var relayPredictionMessagesPerSecond: Double
        var monitorPredictionMessagesPerSecond: Double
        var monitorOverRelayPredictions: Double
        var relayPredictionSeconds: Double
        var monitorPredictionSeconds: Double
        /// Predictions the monitor joined to their sale price.
        var joinedPredictions: Int
        /// The live MAPE of the champion (arm A) and the challenger (arm B) over their windows.
        var championLiveMAPE: Double?
        var challengerLiveMAPE: Double?
        /// The monitor's A/B verdict at the end (the challenger errs less by construction).
        var abVerdict: String
        var memoryRows: Int
        var coreRowsPerSecond: Double
        var stateValuesAtTenth: Int
        var stateValuesAtEnd: Int
        var residentMiBAtTenth: Double
        var residentMiBAtEnd: Double
        var driftAlerts: Int
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    private static let relayTopic = "bench.monitor.relay"
    private static let predictionsRelayTopic = "bench.monitor.relay.predictions"
    private static let stageTimeout: Duration = .seconds(600)

    func run(rows count: Int, predictions predictionCount: Int, memoryRows: Int) async throws -> Report {
        let reader = try await ConfigurationLoader.reader(layout: layout, files: ["monitor.yaml", "pipeline.yaml"])
        let configuration = try MonitorConfiguration(reader: reader, layout: layout)
        let modelName = configuration.modelName(of: "US")
        let champion = try ChampionReference(
            fittedOn: SyntheticFeatureRows.generate(count: 5_000, seed: 1), settings: try FeatureSettings(reader: reader),
            modelName: modelName, version: "1", region: "US", maxBins: 255, minDataInBin: 3, predictionBins: 20)
        let rows = SyntheticFeatureRows.generate(count: count, seed: 2)
        let sales = SyntheticSales.generate(count: predictionCount, seed: 3, modelName: modelName)
        let memory = measureMemory(settings: configuration.settings, champion: champion, rows: rows, total: memoryRows)

        return try await BenchBroker.run(layout: layout, kafka: kafka, relayTopics: [Self.relayTopic, Self.predictionsRelayTopic]) {
            settings in
            try await publish(try rows.map { try KafkaProducerMessage($0) }, settings: settings)
            try await publish(
                try sales.predictions.map { try KafkaProducerMessage($0) } + sales.feedback.map { try KafkaProducerMessage($0) },
                settings: settings)
            let batch = BatchSettings(reader: reader, stage: .monitoring, service: "bench-monitor")
            let relaySeconds = try await measureRelay([.homesFeatures], messages: count, to: Self.relayTopic, settings: settings)
            let rowHandler = MonitorHandler(monitor: installing(champion, settings: configuration.settings), champions: nil, logger: logger)
            let monitorSeconds = try await measureMonitor(
                rowHandler, topics: [.homesFeatures], messages: count, settings: settings, batch: batch)
            let messages = 2 * predictionCount
            let relayPredictionSeconds = try await measureRelay(
                [.predictions, .feedback], messages: messages, to: Self.predictionsRelayTopic, settings: settings)
            let saleHandler = MonitorHandler(
                monitor: installing(champion, settings: configuration.settings), champions: nil, logger: logger)
            let monitorPredictionSeconds = try await measureMonitor(
                saleHandler, topics: [.predictions, .feedback], messages: messages, settings: settings, batch: batch)
            let accuracy = saleHandler.snapshot.accuracy
            let joined = accuracy.join.counters.joined
            guard joined > 0 else {
                throw BenchmarkFailure(reason: "the monitor joined none of \(predictionCount) predictions to its sale price")
            }
            let liveMAPE = { (arm: ExperimentArm) in accuracy.figures.first { $0.key.arm == arm }?.value.mape }
            let relayRate = Double(count) / relaySeconds, monitorRate = Double(count) / monitorSeconds
            let relayPredictionRate = Double(messages) / relayPredictionSeconds
            let monitorPredictionRate = Double(messages) / monitorPredictionSeconds
            return Report(
                rows: count, relayRowsPerSecond: relayRate, monitorRowsPerSecond: monitorRate, monitorOverRelay: monitorRate / relayRate,
                relaySeconds: relaySeconds, monitorSeconds: monitorSeconds, predictions: predictionCount, predictionMessages: messages,
                relayPredictionMessagesPerSecond: relayPredictionRate, monitorPredictionMessagesPerSecond: monitorPredictionRate,
                monitorOverRelayPredictions: monitorPredictionRate / relayPredictionRate, relayPredictionSeconds: relayPredictionSeconds,
                monitorPredictionSeconds: monitorPredictionSeconds, joinedPredictions: joined, championLiveMAPE: liveMAPE(.a),
                challengerLiveMAPE: liveMAPE(.b), abVerdict: accuracy.verdict(region: "US").outcome.rawValue, memoryRows: memoryRows,
                coreRowsPerSecond: memory.rowsPerSecond, stateValuesAtTenth: memory.stateAtTenth, stateValuesAtEnd: memory.stateAtEnd,
                residentMiBAtTenth: memory.residentAtTenth, residentMiBAtEnd: memory.residentAtEnd, driftAlerts: memory.alerts)
        }
    }

    /// A fresh core watching `champion`.
    private func installing(_ champion: ChampionReference, settings: MonitorSettings) -> Monitor {
        var monitor = Monitor(settings: settings)
        monitor.install(champion)
        return monitor
    }

    /// Publishes `messages` 50,000 at a time.
    private func publish(_ messages: [KafkaProducerMessage], settings: KafkaSettings) async throws {
        try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-monitor-source"), logger: logger) {
            producer in
            for chunk in stride(from: 0, to: messages.count, by: 50_000) {
                _ = try await producer.send(Array(messages[chunk..<min(chunk + 50_000, messages.count)]))
            }
        }
    }

    /// The core alone over `total` rows (the generated ones again and again, a second apart).
    private func measureMemory(settings: MonitorSettings, champion: ChampionReference, rows: [FeatureRow], total: Int) -> (
        rowsPerSecond: Double, stateAtTenth: Int, stateAtEnd: Int, residentAtTenth: Double, residentAtEnd: Double, alerts: Int
    ) {
        var monitor = installing(champion, settings: settings)
        var stateAtTenth = 0, residentAtTenth = 0.0, alerts = 0
        let started = ContinuousClock.now
        for index in 0..<total {
            var row = rows[index % rows.count]
            row.computedAt = Date(timeIntervalSince1970: 1_750_000_000 + Double(index))
            alerts += monitor.observe(row).count { ($0 as? MonitoringEvent)?.name == "drift.alert" }
            if index + 1 == total / 10 {
                stateAtTenth = monitor.storedValues
                residentAtTenth = ProcessMemory.residentMiB
            }
        }
        let seconds = (ContinuousClock.now - started).seconds
        return (Double(total) / seconds, stateAtTenth, monitor.storedValues, residentAtTenth, ProcessMemory.residentMiB, alerts)
    }

    /// The relay from every partition of `topics` to `output`, until `messages` came out.
    private func measureRelay(_ topics: [Topic], messages: Int, to output: String, settings: KafkaSettings) async throws -> Double {
        let topicReader = BenchTopicReader(settings: settings, logger: logger)
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-relay"), logger: logger)
        let consumer = try topicReader.consumer(topics.map(\.name), clientId: "bench-relay")
        let relay = BenchRelay(consumer: consumer, producer: producer, outputTopic: output)
        let outputReader = try topicReader.consumer([output])
        return try await timed("relay", services: [producer, consumer, relay]) {
            var received = 0
            for try await _ in outputReader.messages {
                received += 1
                if received == messages { break }
            }
            await outputReader.close()
        }
    }

    /// `handler` in a ``BatchProcessor`` over every partition of `topics`, until it handled
    /// `messages`.
    private func measureMonitor(
        _ handler: MonitorHandler, topics: [Topic], messages: Int, settings: KafkaSettings, batch: BatchSettings
    ) async throws -> Double {
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-monitor"), logger: logger)
        let consumer = try BenchTopicReader(settings: settings, logger: logger).consumer(topics.map(\.name), clientId: "bench-monitor")
        let processor = BatchProcessor(consumer: consumer, producer: producer, handler: handler, settings: batch, logger: logger)
        return try await timed("monitor", services: [producer, consumer, processor]) {
            while handler.handledMessages < messages {
                try await Task.sleep(for: .milliseconds(2))
            }
        }
    }

    /// Runs `services` until `done` returns, then shuts them down; the seconds from start to `done`.
    private func timed(_ stage: String, services: [any Service], until done: @escaping @Sendable () async throws -> Void) async throws
        -> Double
    {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger))
        return try await withThrowingTaskGroup(of: Double?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            tasks.addTask {
                let started = ContinuousClock.now
                try await withDeadline(Self.stageTimeout, waitingFor: "the \(stage) to handle every message") { try await done() }
                let seconds = (ContinuousClock.now - started).seconds
                await group.triggerGracefulShutdown()
                return seconds
            }
            var seconds: Double?
            while let result = try await tasks.next() {
                if let result {
                    seconds = result
                } else if seconds == nil {
                    throw BenchmarkFailure(reason: "the \(stage)'s services stopped before every message was handled")
                }
            }
            guard let seconds else { throw BenchmarkFailure(reason: "the \(stage) produced no figure") }
            return seconds
        }
    }
}
