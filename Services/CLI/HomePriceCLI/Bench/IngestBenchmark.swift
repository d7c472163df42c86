import Crawler
import Foundation
import Kafka
import Logging
import Pipeline
import Scenario
import Schema
import ServiceSupport
import Sources

/// `homeprice bench ingest`: how fast ingestion publishes, beside what the broker takes.
///
/// In one run, on one fresh tansu broker: a generated scenario's dataset file is published by
/// the generic producer (its real configuration, `configs/sources/producers/<id>.yaml`); the
/// crawler crawls the scenario website (faults off, politeness off, `configs/crawler.yaml`
/// otherwise), then crawls its first pages again with the configured politeness delay, whose
/// request rate must stay at or under one request per delay; and the Swift `KafkaProducer`
/// enqueues as many messages of the same size as the dataset's raw records, the broker's raw
/// produce rate.
struct IngestBenchmark {
    /// What to measure.
    struct Options {
        var homes: Int
        var seed: UInt64
        var datasetSource: String
        var crawlConcurrency: Int?
        /// How deep the polite crawl goes (1: the first search page and its listings).
        var politeDepth: Int
    }

    /// The dataset producer's figures.
    struct DatasetFigure: Codable {
        let source: String
        let records: Int
        let deadLetters: Int
        let averageMessageBytes: Int
        let seconds: Double
        let recordsPerSecond: Double
    }

    /// The crawler's figures.
    struct CrawlFigure: Codable {
        let pages: Int
        let listingsPublished: Int
        let concurrency: Int
        let seconds: Double
        let pagesPerSecond: Double
        let listingsPerSecond: Double
    }

    /// The crawler with politeness on: its request rate against the one the delay allows.
    struct PoliteCrawlFigure: Codable {
        let delayMilliseconds: Int
        let pages: Int
        /// Every request the site received, robots.txt included.
        let requests: Int
        let seconds: Double
        /// Requests after the first per second: n requests one delay apart span n − 1 delays.
        let requestsPerSecond: Double
        /// One request per delay: the most a polite crawler may ask of one host.
        let allowedRequestsPerSecond: Double
    }

    /// The broker's raw produce rate with the Swift client.
    struct RawProduceFigure: Codable {
        let messages: Int
        let messageBytes: Int
        let seconds: Double
        let messagesPerSecond: Double
    }

    /// Everything the benchmark prints.
    struct Report: Codable {
        let homes: Int
        let librdkafka: String
        let lingerMilliseconds: Int
        let dataset: DatasetFigure
        let crawler: CrawlFigure
        let politeCrawler: PoliteCrawlFigure
        let rawProduce: RawProduceFigure
        /// Each ingestion rate ÷ the raw produce rate.
        let ratios: [String: Double]
    }

    let layout: ProjectLayout
    let kafka: KafkaSettings
    let logger: Logger

    func run(_ options: Options) async throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-bench-ingest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let scenario = workspace.appendingPathComponent("scenario")
        _ = try ScenarioGenerator(
            parameters: .init(
                seed: options.seed, homes: options.homes, output: scenario, seedData: layout.root.appendingPathComponent("data"))
        ).generate()

        let rawTopic = "bench.raw"
        return try await BenchBroker.run(
            layout: layout, kafka: kafka, logFile: workspace.appendingPathComponent("tansu.log"), relayTopics: [rawTopic]
        ) { settings in
            let producerConfiguration = settings.producer(clientId: "bench-ingest")

            let dataset = try await measureDataset(options, scenario: scenario, workspace: workspace, producer: producerConfiguration)
            let raw = try await measureRawProduce(
                messages: dataset.records, bytes: dataset.averageMessageBytes, topic: rawTopic, producer: producerConfiguration)
            let website = try ScenarioWebsite(scenario: scenario, configuration: .init(faultsEnabled: false))
            let crawl = try await measureCrawl(options, website: website, workspace: workspace, producer: producerConfiguration)
            let polite = try await measurePoliteCrawl(
                options, website: ScenarioWebsite(scenario: scenario, configuration: .init(faultsEnabled: false)), workspace: workspace,
                producer: producerConfiguration)
            return Report(
                homes: options.homes, librdkafka: LibrdkafkaVersion.string, lingerMilliseconds: producerConfiguration.lingerMilliseconds,
                dataset: dataset, crawler: crawl, politeCrawler: polite, rawProduce: raw,
                ratios: [
                    "datasetRecordsOverRawProduce": dataset.recordsPerSecond / raw.messagesPerSecond,
                    "crawlerListingsOverRawProduce": crawl.listingsPerSecond / raw.messagesPerSecond,
                    "politeRequestsOverAllowed": polite.requestsPerSecond / polite.allowedRequestsPerSecond,
                ])
        }
    }

    /// Publishes the dataset file with the generic producer and times it.
    private func measureDataset(
        _ options: Options, scenario: URL, workspace: URL, producer: KafkaProducerConfiguration
    ) async throws -> DatasetFigure {
        guard let source = ScenarioSource(rawValue: options.datasetSource), source.kind == .datasetFile else {
            throw SourceError(
                code: .invalidConfiguration, reason: "not a dataset source of the scenario", input: options.datasetSource)
        }
        var configuration = try await ProducerConfiguration.load(sourceId: source.id, layout: layout)
        let file = scenario.appendingPathComponent(source.relativePath)
        configuration.input = .path(file, watch: false)
        configuration.stateFile = workspace.appendingPathComponent("state/\(source.id).json")
        let clock = ContinuousClock()
        let (summary, seconds) = try await KafkaProducer.withProducer(configuration: producer, logger: logger) { kafka in
            let sourceProducer = SourceProducer(
                configuration: configuration, publisher: KafkaPublisher(producer: kafka), logger: logger)
            let start = clock.now
            let summary = try await sourceProducer.ingestAvailable()
            return (summary, (clock.now - start).seconds)
        }
        let fileBytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        let sample = RawRecord(
            sourceId: source.id, recordId: "OD0000000000", region: configuration.descriptor.region, fetchedAt: Date(),
            contentType: configuration.contentType,
            payload: String(repeating: "x", count: fileBytes / max(1, summary.records + summary.deadLetters)),
            url: file, metadata: ["location": "\(file.lastPathComponent):000000"])
        return DatasetFigure(
            source: source.id, records: summary.records, deadLetters: summary.deadLetters,
            averageMessageBytes: try sample.encoded().count, seconds: seconds, recordsPerSecond: Double(summary.records) / seconds)
    }

    /// Enqueues `messages` messages of `bytes` bytes with the Swift producer, flushes, and times it.
    private func measureRawProduce(
        messages: Int, bytes: Int, topic: String, producer: KafkaProducerConfiguration
    ) async throws -> RawProduceFigure {
        let records = BenchmarkRecords(count: messages, bytes: bytes)
        let clock = ContinuousClock()
        let seconds = try await KafkaProducer.withProducer(configuration: producer, logger: logger) { kafka in
            let start = clock.now
            for index in 0..<records.count {
                try await kafka.enqueue(KafkaProducerMessage(topic: topic, key: records.key(index), value: records.value(index)))
            }
            try await kafka.flush(timeout: .seconds(300))
            return (clock.now - start).seconds
        }
        return RawProduceFigure(messages: messages, messageBytes: bytes, seconds: seconds, messagesPerSecond: Double(messages) / seconds)
    }

    /// Crawls the scenario website with politeness off and times it.
    private func measureCrawl(
        _ options: Options, website: ScenarioWebsite, workspace: URL, producer: KafkaProducerConfiguration
    ) async throws -> CrawlFigure {
        let (summary, seconds, settings) = try await crawl(
            website, politely: false, maximumDepth: nil, concurrency: options.crawlConcurrency,
            stateFile: workspace.appendingPathComponent("crawl.jsonl"), producer: producer)
        return CrawlFigure(
            pages: summary.pagesFetched, listingsPublished: summary.published, concurrency: settings.maximumConcurrency,
            seconds: seconds, pagesPerSecond: Double(summary.pagesFetched) / seconds,
            listingsPerSecond: Double(summary.published) / seconds)
    }

    /// Crawls the first `politeDepth` levels of the scenario website with the configured
    /// politeness delay and counts the requests the site received per second.
    private func measurePoliteCrawl(
        _ options: Options, website: ScenarioWebsite, workspace: URL, producer: KafkaProducerConfiguration
    ) async throws -> PoliteCrawlFigure {
        let (summary, seconds, settings) = try await crawl(
            website, politely: true, maximumDepth: options.politeDepth, concurrency: options.crawlConcurrency,
            stateFile: workspace.appendingPathComponent("polite-crawl.jsonl"), producer: producer)
        let delay = settings.politenessDelay.seconds
        let requests = website.site.requestLog.count
        return PoliteCrawlFigure(
            delayMilliseconds: Int((delay * 1000).rounded()), pages: summary.pagesFetched, requests: requests, seconds: seconds,
            requestsPerSecond: Double(max(0, requests - 1)) / seconds, allowedRequestsPerSecond: delay > 0 ? 1 / delay : .infinity)
    }

    /// Crawls `website` once into Kafka with `configs/crawler.yaml` pointed at it, politeness
    /// as configured or off, and times it.
    private func crawl(
        _ website: ScenarioWebsite, politely: Bool, maximumDepth: Int?, concurrency: Int?, stateFile: URL,
        producer: KafkaProducerConfiguration
    ) async throws -> (CrawlSummary, Double, CrawlerSettings) {
        let server = try website.serve()
        defer { server.stop() }
        var configuration = try await CrawlerConfiguration.load(layout: layout)
        configuration.site.startURLs = [
            server.baseURL.appendingPathComponent("search").appending(queryItems: [URLQueryItem(name: "page", value: "1")])
        ]
        configuration.site.allowedHosts = ["127.0.0.1:\(server.port)"]
        if let maximumDepth { configuration.site.maximumDepth = maximumDepth }
        if !politely { configuration.settings.politenessDelay = .zero }
        configuration.settings.stateFile = stateFile
        if let concurrency { configuration.settings.maximumConcurrency = concurrency }
        let settings = configuration.settings, site = configuration.site
        let clock = ContinuousClock()
        let (summary, seconds) = try await KafkaProducer.withProducer(configuration: producer, logger: logger) { kafka in
            let crawler = Crawler(site: site, settings: settings, publisher: KafkaPublisher(producer: kafka), logger: logger)
            let start = clock.now
            let summary = try await crawler.crawl()
            return (summary, (clock.now - start).seconds)
        }
        return (summary, seconds, settings)
    }
}
