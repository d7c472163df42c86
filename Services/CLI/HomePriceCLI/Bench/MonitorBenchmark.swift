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

/// `homeprice bench monitor`: feature rows per second through the monitor's stream stage beside
/// the do-nothing relay in the same run on a fresh tansu, and the monitor core's state and the
/// process's memory after a long stream.
///
/// Both stages read every partition of `homes.features` from the beginning (no group join) and
/// are timed from their start to the last row handled: the relay's last output read back, the
/// monitor's handler count. The memory part feeds the core in-process (no broker) and compares
/// its state at a tenth of the stream and at the end.
struct MonitorBenchmark {
    /// Everything the benchmark prints.
    struct Report: Codable {
        var rows: Int
        var relayRowsPerSecond: Double
        var monitorRowsPerSecond: Double
        var monitorOverRelay: Double
        var relaySeconds: Double
        var monitorSeconds: Double
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
    private static let stageTimeout: Duration = .seconds(600)

    func run(rows count: Int, memoryRows: Int) async throws -> Report {
        let reader = try await ConfigurationLoader.reader(layout: layout, files: ["monitor.yaml", "pipeline.yaml"])
        let configuration = try MonitorConfiguration(reader: reader, layout: layout)
        let champion = try ChampionReference(
            fittedOn: SyntheticFeatureRows.generate(count: 5_000, seed: 1), settings: try FeatureSettings(reader: reader),
            modelName: configuration.modelName(of: "US"), version: "1", region: "US", maxBins: 255, minDataInBin: 3, predictionBins: 20)
        let rows = SyntheticFeatureRows.generate(count: count, seed: 2)
        let memory = measureMemory(settings: configuration.settings, champion: champion, rows: rows, total: memoryRows)

        let broker = try await TansuBroker.start(layout: layout)
        do {
            let settings = kafka.connecting(to: broker.bootstrapServers)
            let client = settings.client
            try await withDeadline(.seconds(60), waitingFor: "the benchmark's topics") {
                let admin = try KafkaAdmin(configuration: client)
                try await TopicProvisioner.createAll(using: admin)
                try await admin.createTopics([
                    KafkaTopicSpecification(name: Self.relayTopic, partitions: Topic.homesFeatures.defaultPartitionCount)
                ])
            }
            try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-monitor-source"), logger: logger) {
                producer in
                for chunk in stride(from: 0, to: rows.count, by: 50_000) {
                    _ = try await producer.send(try rows[chunk..<min(chunk + 50_000, rows.count)].map { try KafkaProducerMessage($0) })
                }
            }
            let relaySeconds = try await measureRelay(rows: count, settings: settings)
            var monitor = Monitor(settings: configuration.settings)
            monitor.install(champion)
            let monitorSeconds = try await measureMonitor(
                monitor, rows: count, settings: settings,
                batch: BatchSettings(
                    reader: reader, stage: .monitoring, service: "bench-monitor"))
            await broker.stop()
            let relayRate = Double(count) / relaySeconds, monitorRate = Double(count) / monitorSeconds
            return Report(
                rows: count, relayRowsPerSecond: relayRate, monitorRowsPerSecond: monitorRate, monitorOverRelay: monitorRate / relayRate,
                relaySeconds: relaySeconds, monitorSeconds: monitorSeconds, memoryRows: memoryRows,
                coreRowsPerSecond: memory.rowsPerSecond, stateValuesAtTenth: memory.stateAtTenth, stateValuesAtEnd: memory.stateAtEnd,
                residentMiBAtTenth: memory.residentAtTenth, residentMiBAtEnd: memory.residentAtEnd, driftAlerts: memory.alerts)
        } catch {
            await broker.stop()
            throw error
        }
    }

    /// The core alone over `total` rows (the generated ones again and again, a second apart).
    private func measureMemory(settings: MonitorSettings, champion: ChampionReference, rows: [FeatureRow], total: Int) -> (
        rowsPerSecond: Double, stateAtTenth: Int, stateAtEnd: Int, residentAtTenth: Double, residentAtEnd: Double, alerts: Int
    ) {
        var monitor = Monitor(settings: settings)
        monitor.install(champion)
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

    private func measureRelay(rows: Int, settings: KafkaSettings) async throws -> Double {
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-relay"), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(subscription: .partitions(Self.features), clientId: "bench-relay"), logger: logger)
        let relay = BenchRelay(consumer: consumer, producer: producer, outputTopic: Self.relayTopic)
        let outputs = (0..<Int32(Topic.homesFeatures.defaultPartitionCount)).map {
            KafkaTopicPartitionOffset(topic: Self.relayTopic, partition: $0, position: .beginning)
        }
        let outputReader = try KafkaConsumer(
            configuration: settings.consumer(subscription: .partitions(outputs), clientId: "bench-relay-reader"), logger: logger)
        return try await timed("relay", services: [producer, consumer, relay]) {
            var received = 0
            for try await _ in outputReader.messages {
                received += 1
                if received == rows { break }
            }
            await outputReader.close()
        }
    }

    private func measureMonitor(_ monitor: Monitor, rows: Int, settings: KafkaSettings, batch: BatchSettings) async throws -> Double {
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-monitor"), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(subscription: .partitions(Self.features), clientId: "bench-monitor"), logger: logger)
        let handler = MonitorHandler(monitor: monitor, champions: nil, logger: logger)
        let processor = BatchProcessor(consumer: consumer, producer: producer, handler: handler, settings: batch, logger: logger)
        return try await timed("monitor", services: [producer, consumer, processor]) {
            while handler.handledMessages < rows {
                try await Task.sleep(for: .milliseconds(2))
            }
        }
    }

    /// Every partition of `homes.features` from the beginning.
    private static var features: [KafkaTopicPartitionOffset] {
        (0..<Int32(Topic.homesFeatures.defaultPartitionCount)).map {
            KafkaTopicPartitionOffset(topic: Topic.homesFeatures.name, partition: $0, position: .beginning)
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
                try await withDeadline(Self.stageTimeout, waitingFor: "the \(stage) to handle every row") { try await done() }
                let seconds = (ContinuousClock.now - started).seconds
                await group.triggerGracefulShutdown()
                return seconds
            }
            var seconds: Double?
            while let result = try await tasks.next() {
                if let result {
                    seconds = result
                } else if seconds == nil {
                    throw BenchmarkFailure(reason: "the \(stage)'s services stopped before every row was handled")
                }
            }
            guard let seconds else { throw BenchmarkFailure(reason: "the \(stage) produced no figure") }
            return seconds
        }
    }
}
