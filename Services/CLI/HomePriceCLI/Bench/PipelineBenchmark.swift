import Features
import Foundation
import Kafka
import Logging
import NormalizerCore
import NormalizerEvaluation
import Pipeline
import PreprocessorCore
import Scenario
import Schema
import ServiceLifecycle
import ServiceSupport

/// `homeprice bench pipeline`: the stream end to end on a fresh tansu, each part beside a
/// do-nothing relay measured the same way in the same run.
///
/// - **Records**: the scenario's raw records from `homes.raw` to `homes.features` through one
///   normalizer and one preprocessor (each as its executable wires it, in one process), beside
///   the relay of the same records; and the time from a raw record's arrival to its home's
///   first feature row (broker timestamps), p50 and p99 — under the burst of every record
///   published at once, so it includes the queue.
///
/// Every stage is timed the same way: once it answered one warm-up message (its consumers are
/// assigned, the server's model is loaded), the rest are published at once and the clock runs
/// to the last output.
/// - **Predictions**: `PredictionRequest`s of Ames homes from `predictions.requests` to
///   `predictions` through `homeprice-server` (the build next to `homeprice`) serving a model
///   trained in the run, beside the relay of the same requests.
struct PipelineBenchmark {
    struct Options {
        var seed: UInt64
        var homes: Int
        var seedData: URL
        var requests: Int
    }

    struct Report: Codable {
        var seed: UInt64
        var homes: Int
        var records: Int
        /// Messages the normalizer publishes for the records (versions and retirements).
        var homeMessages: Int
        var relayRecordsPerSecond: Double
        var pipelineRecordsPerSecond: Double
        var pipelineOverRelay: Double
        var relaySeconds: Double
        var pipelineSeconds: Double
        /// Homes whose latency was measured, and its percentiles in milliseconds.
        var latencyHomes: Int
        var latencyP50Milliseconds: Double
        var latencyP99Milliseconds: Double
        var requests: Int
        var relayRequestsPerSecond: Double
        var serverPredictionsPerSecond: Double
        var serverOverRelay: Double
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    /// Each relay reads its own copy of its stage's input into its own topic.
    private static let recordRelay = (input: "bench.records", output: "bench.relay-records")
    private static let requestRelay = (input: "bench.requests", output: "bench.relay-requests")

    func run(_ options: Options) async throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("bench-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let (_, records) = try BenchScenario.generate(
            seed: options.seed, homes: options.homes, seedData: options.seedData, in: workspace)
        let expected = try await BenchNormalization(layout: layout).run(records, workspace: workspace)
        let server = BenchServer(layout: layout, logger: logger)
        let ames = try RealSales.ames(file: options.seedData.appendingPathComponent("ames.csv"))
        let events = try await server.trainModels(homes: ames, workspace: workspace, benchmark: "pipeline")

        return try await BenchBroker.run(
            layout: layout, kafka: kafka, logFile: workspace.appendingPathComponent("tansu.log"),
            relayTopics: [Self.recordRelay.input, Self.recordRelay.output, Self.requestRelay.input, Self.requestRelay.output]
        ) { settings in
            let rawMessages = try records.map { try KafkaProducerMessage($0) }
            let relaySeconds = try await timeRelay(rawMessages, through: Self.recordRelay, settings: settings)
            let pipelineSeconds = try await timeStage(
                pipelineServices(settings: settings, workspace: workspace), messages: rawMessages,
                outputs: [Topic.homesFeatures.name, Topic.homesDeadLetter.name], expected: expected.homes.count + expected.deadLetters,
                settings: settings)
            let latencies = try await latencies(records: records.count, features: expected.homes.count, settings: settings)

            try await BenchStage(settings: settings, logger: logger).publish(try events.map { try KafkaProducerMessage($0) })
            let requests = Self.requests(ames: ames, count: options.requests + 1)
            let requestMessages = try requests.map { try KafkaProducerMessage($0) }
            let serverSeconds = try await server.withProcess(
                server.serverCommand(bootstrap: settings.client.bootstrapServers, workspace: workspace), name: "homeprice-server",
                workspace: workspace
            ) { _ in
                try await timeLive(requestMessages, outputs: [Topic.predictions.name], expected: requestMessages.count, settings: settings)
            }
            let requestRelaySeconds = try await timeRelay(requestMessages, through: Self.requestRelay, settings: settings)

            let sorted = latencies.sorted()
            // The clock runs for every message after the warm-up one.
            let recordRate = Double(records.count - 1) / pipelineSeconds
            let relayRate = Double(records.count - 1) / relaySeconds
            let predictionRate = Double(options.requests) / serverSeconds
            let requestRelayRate = Double(options.requests) / requestRelaySeconds
            return Report(
                seed: options.seed, homes: options.homes, records: records.count, homeMessages: expected.homes.count,
                relayRecordsPerSecond: relayRate, pipelineRecordsPerSecond: recordRate, pipelineOverRelay: recordRate / relayRate,
                relaySeconds: relaySeconds, pipelineSeconds: pipelineSeconds, latencyHomes: sorted.count,
                latencyP50Milliseconds: Self.percentile(sorted, 0.5) * 1000, latencyP99Milliseconds: Self.percentile(sorted, 0.99) * 1000,
                requests: options.requests, relayRequestsPerSecond: requestRelayRate, serverPredictionsPerSecond: predictionRate,
                serverOverRelay: predictionRate / requestRelayRate)
        }
    }

    // MARK: Records

    /// The normalizer and the preprocessor as their executables wire them, for one service
    /// group (the preprocessor's services first, so the normalizer stops first).
    private func pipelineServices(settings: KafkaSettings, workspace: URL) async throws -> [any Service] {
        let reader = try await ConfigurationLoader.reader(
            layout: layout, files: ["normalizer.yaml", "preprocessor.yaml", "pipeline.yaml"])
        var normalizerConfiguration = try await NormalizerConfiguration.load(layout: layout)
        normalizerConfiguration.groupId = "bench-pipeline-normalizer"
        let catalog = try SourceCatalog.load(
            directory: normalizerConfiguration.resolve(normalizerConfiguration.sourcesDirectory, layout: layout))
        let warehouse = try SQLiteWarehouse(
            path: workspace.appendingPathComponent("warehouse.sqlite").path, configuration: normalizerConfiguration)
        let normalizer = try NormalizerService.services(
            normalizer: Normalizer(configuration: normalizerConfiguration, catalog: catalog, store: warehouse), kafka: settings,
            batch: BatchSettings(reader: reader, stage: .normalization, service: "bench-normalizer"), logger: logger)
        var preprocessorConfiguration = try PreprocessorConfiguration(reader: reader)
        preprocessorConfiguration.groupId = "bench-pipeline-preprocessor"
        let preprocessor = try PreprocessorService.services(
            preprocessor: Preprocessor(configuration: preprocessorConfiguration), kafka: settings,
            batch: BatchSettings(reader: reader, stage: .preprocessing, service: "bench-preprocessor"), logger: logger)
        return preprocessor + normalizer
    }

    /// Per home, the seconds from the arrival of its earliest raw record to its first feature
    /// row, by broker timestamps.
    private func latencies(records: Int, features: Int, settings: KafkaSettings) async throws -> [Double] {
        let raw = try await BenchTopicReader(settings: settings, logger: logger).read(Topic.homesRaw.name, count: records)
        let rows = try await BenchTopicReader(settings: settings, logger: logger).read(Topic.homesFeatures.name, count: features)
        let homes = try await LatestValueReader<Home>.snapshot(
            settings: settings, clientId: "bench-pipeline-homes", timeout: .seconds(120), logger: logger)
        let arrivals = Dictionary(raw.compactMap { message in message.keyString.map { ($0, message.timestamp) } }) { first, _ in first }
        var firstRow: [String: Date] = [:]
        for row in rows {
            guard let home = row.keyString, let time = row.timestamp, firstRow[home] == nil else { continue }
            firstRow[home] = time
        }
        return homes.values.compactMap { home in
            guard let row = firstRow[home.id] else { return nil }
            let keys = Set(home.provenance.values.flatMap { $0.map { "\($0.sourceId)/\($0.recordId)" } })
            guard let arrival = keys.compactMap({ arrivals[$0] ?? nil }).min() else { return nil }
            return row.timeIntervalSince(arrival)
        }
    }

    // MARK: Predictions

    /// One request per Ames home, cycling, ids `bench-<n>`.
    private static func requests(ames: [Home], count: Int) -> [PredictionRequest] {
        (0..<count).map { index in
            PredictionRequest(
                requestId: "bench-\(index)", clientId: "bench-client-\(index % 50)", features: ames[index % ames.count].features,
                requestedAt: BenchScenario.fetchedAt)
        }
    }

    /// The do-nothing relay of `messages`, sent to the relay's own input topic, into its output
    /// topic, timed as the stage it stands beside.
    private func timeRelay(
        _ messages: [KafkaProducerMessage], through relay: (input: String, output: String), settings: KafkaSettings
    ) async throws -> Double {
        let producer = try KafkaProducer(configuration: settings.producer(clientId: "bench-relay"), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: settings.consumer(
                subscription: .group(id: "bench-relay-\(relay.input)", topics: [relay.input]), clientId: "bench-relay"),
            logger: logger)
        let copies = messages.map { KafkaProducerMessage(topic: relay.input, key: $0.key, value: $0.value) }
        return try await timeStage(
            [producer, consumer, BenchRelay(consumer: consumer, producer: producer, outputTopic: relay.output)], messages: copies,
            outputs: [relay.output], expected: copies.count, settings: settings)
    }

    /// Runs `services` in a service group and times them with ``timeLive(_:outputs:expected:settings:)``,
    /// then shuts the group down gracefully.
    private func timeStage(
        _ services: [any Service], messages: [KafkaProducerMessage], outputs: [String], expected: Int, settings: KafkaSettings
    ) async throws -> Double {
        var configuration = ServiceGroupConfiguration(services: services, logger: logger)
        configuration.maximumGracefulShutdownDuration = BenchStage.shutdownTimeout
        let group = ServiceGroup(configuration: configuration)
        return try await withThrowingTaskGroup(of: Double?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            tasks.addTask {
                let seconds = try await timeLive(messages, outputs: outputs, expected: expected, settings: settings)
                await group.triggerGracefulShutdown()
                return seconds
            }
            var seconds: Double?
            do {
                while let result = try await tasks.next() {
                    seconds = seconds ?? result
                    if result == nil, seconds == nil { throw BenchmarkFailure(reason: "the stage stopped before its outputs") }
                }
            } catch {
                tasks.cancelAll()
                throw error
            }
            guard let seconds else { throw BenchmarkFailure(reason: "the stage produced no figures") }
            return seconds
        }
    }

    /// Sends the first message and waits for its output (the stage's consumers are assigned
    /// and warm), then sends the rest at once and returns the seconds until `expected` outputs
    /// in all came out on `outputs`.
    private func timeLive(
        _ messages: [KafkaProducerMessage], outputs: [String], expected: Int, settings: KafkaSettings
    ) async throws -> Double {
        try await withDeadline(
            BenchStage.stageTimeout(messages: expected), waitingFor: "\(expected) outputs on \(outputs.joined(separator: ", "))"
        ) {
            try await KafkaProducer.withProducer(configuration: settings.producer(clientId: "bench-live"), logger: logger) {
                producer in
                let reader = try BenchTopicReader(settings: settings, logger: logger).consumer(outputs)
                do {
                    var arrivals = reader.messages.makeAsyncIterator()
                    _ = try await producer.send(Array(messages.prefix(1)))
                    guard try await arrivals.next() != nil else { throw BenchmarkFailure(reason: "\(outputs) ended") }
                    let start = ContinuousClock.now
                    async let delivered = producer.send(Array(messages.dropFirst()))
                    for _ in 1..<expected {
                        guard try await arrivals.next() != nil else { throw BenchmarkFailure(reason: "\(outputs) ended") }
                    }
                    let seconds = (ContinuousClock.now - start).seconds
                    _ = try await delivered
                    await reader.close()
                    return seconds
                } catch {
                    await reader.close()
                    throw error
                }
            }
        }
    }

    /// The value at `fraction` of `sorted` (nearest rank), 0 when empty.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
