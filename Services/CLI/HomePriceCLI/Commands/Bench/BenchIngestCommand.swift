import ArgumentParser
import Foundation

/// `homeprice bench ingest`: dataset producer records/s and crawler pages/s (politeness off,
/// and on against the configured delay) beside the broker's raw produce rate, on a fresh
/// local tansu.
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract:
            "Records/s of a dataset producer and pages/s of the crawler (politeness off; on, against its delay) beside the raw produce rate."
    )

    @Option(help: "Homes in the generated scenario.") var homes = 20_000
    @Option(help: "The seed of the scenario.") var seed: UInt64 = 42
    @Option(help: "The dataset source whose producer is measured.") var dataset = "us-open-data"
    @Option(help: "Pages fetched at once (default: configs/crawler.yaml).") var crawlConcurrency: Int?
    @Option(help: "How many links deep the polite crawl goes (1: the first search page and its listings).") var politeDepth = 1
    @Flag(help: "Print one JSON object with every figure and ratio.") var json = false

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let report = try await IngestBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger).run(
            .init(homes: homes, seed: seed, datasetSource: dataset, crawlConcurrency: crawlConcurrency, politeDepth: politeDepth))
        if json {
            try BenchJSON.print(report)
            return
        }
        print(
            "bench ingest: scenario of \(report.homes) homes, fresh tansu, librdkafka \(report.librdkafka), linger.ms \(report.lingerMilliseconds)"
        )
        let dataset = report.dataset, crawler = report.crawler, raw = report.rawProduce
        print(
            "dataset producer (\(dataset.source)): "
                + String(
                    format: "%d records (%d B) in %.2f s = %.0f records/s", dataset.records, dataset.averageMessageBytes,
                    dataset.seconds, dataset.recordsPerSecond))
        print(
            String(
                format: "crawler (politeness off, %d at once): %d pages, %d listings in %.2f s = %.0f pages/s, %.0f listings/s",
                crawler.concurrency, crawler.pages, crawler.listingsPublished, crawler.seconds, crawler.pagesPerSecond,
                crawler.listingsPerSecond))
        let polite = report.politeCrawler
        print(
            String(
                format: "crawler (politeness %d ms): %d pages, %d requests in %.2f s = %.2f requests/s, allowed %.2f/s",
                polite.delayMilliseconds, polite.pages, polite.requests, polite.seconds, polite.requestsPerSecond,
                polite.allowedRequestsPerSecond))
        print(
            String(
                format: "raw produce (Swift KafkaProducer, %d × %d B): %.2f s = %.0f msgs/s", raw.messages, raw.messageBytes, raw.seconds,
                raw.messagesPerSecond))
        for (name, ratio) in report.ratios.sorted(by: { $0.key < $1.key }) {
            print("ratio \(name): \(String(format: "%.3f", ratio))")
        }
    }
}
