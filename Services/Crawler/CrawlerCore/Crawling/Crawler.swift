import Foundation
import Logging
import Pipeline
import Schema
import ServiceLifecycle

/// A polite, resumable crawler for one listing website.
///
/// It honours robots.txt (never fetching a disallowed URL), spaces requests per host by the
/// politeness delay, follows only configured link patterns on allowed hosts up to a maximum
/// depth, normalises and de-duplicates URLs, retries failures with exponential backoff and
/// reports pages that keep failing on `pipeline.monitoring`. Listing pages are re-crawled
/// conditionally (`If-None-Match` / `If-Modified-Since`) and a record is published to
/// `homes.raw` only when its content hash changed. The crawl state lives in a journal
/// (``CrawlerSettings/stateFile``), so a restart resumes an unfinished crawl.
public final class Crawler: Service, Sendable {
    /// The site.
    public let site: SiteConfiguration
    /// The behaviour.
    public let settings: CrawlerSettings
    private let publisher: any MessagePublisher
    private let logger: Logger
    private let recrawlInterval: Duration?

    /// Creates a crawler; with `recrawlInterval`, ``run()`` crawls again after each interval.
    public init(
        site: SiteConfiguration, settings: CrawlerSettings, publisher: any MessagePublisher, logger: Logger,
        recrawlInterval: Duration? = nil
    ) {
        self.site = site
        self.settings = settings
        self.publisher = publisher
        self.logger = logger
        self.recrawlInterval = recrawlInterval
    }

    /// Announces the site on `sources.catalog` and crawls (repeatedly with a re-crawl interval)
    /// until done or graceful shutdown.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await self.announce()
                repeat {
                    let summary = try await self.crawl()
                    self.logger.info(
                        "crawl finished", metadata: ["site": "\(self.site.descriptor.id)", "published": "\(summary.published)"])
                    guard let interval = self.recrawlInterval else { return }
                    try await Task.sleep(for: interval)
                } while true
            }
        } catch is CancellationError {
            logger.info("crawler stopped", metadata: ["site": "\(site.descriptor.id)"])
        }
    }

    /// Publishes the site's catalog entry.
    public func announce() async throws(CrawlerError) {
        var descriptor = site.descriptor
        descriptor.publishedAt = Date()
        do {
            try await publisher.publish([descriptor])
        } catch {
            throw CrawlerError(code: .publishFailed, reason: error.description, input: descriptor.id)
        }
    }

    /// Crawls the site once (resuming an unfinished crawl) and returns what it did. Cancelling
    /// stops it between pages; the journal keeps what was finished.
    public func crawl() async throws -> CrawlSummary {
        let journal = try CrawlJournal(file: settings.stateFile)
        let fetcher = PageFetcher(settings: settings)
        let processor = PageProcessor(
            site: site, settings: settings, publisher: publisher, journal: journal, fetcher: fetcher,
            robots: RobotsCache(fetcher: fetcher, userAgent: settings.userAgent), scheduler: HostScheduler(), logger: logger)
        if await !journal.isInProgress {
            try await journal.begin()
            for url in site.startURLs {
                if let normalized = URLNormalizer.normalize(url.absoluteString), await processor.mayQueue(normalized) {
                    _ = try await journal.discover(normalized.absoluteString, depth: 0)
                }
            }
        }
        var summary = CrawlSummary()
        while true {
            let pending = await journal.pending()
            guard let depth = pending.first?.depth else { break }
            let level = pending.filter { $0.depth == depth }.map(\.url)
            try Task.checkCancellation()
            try await withThrowingTaskGroup(of: CrawlSummary.self) { group in
                var next = level.makeIterator()
                for _ in 0..<max(1, settings.maximumConcurrency) {
                    guard let url = next.next() else { break }
                    group.addTask { try await processor.process(url, depth: depth) }
                }
                while let done = try await group.next() {
                    summary.add(done)
                    try Task.checkCancellation()
                    if let url = next.next() { group.addTask { try await processor.process(url, depth: depth) } }
                }
            }
        }
        try await journal.finish()
        try await report(summary)
        return summary
    }

    private func report(_ summary: CrawlSummary) async throws(CrawlerError) {
        let event = MonitoringEvent(
            service: "crawler", instance: site.descriptor.id, kind: .metric, name: "crawlFinished",
            values: [
                "pagesFetched": Double(summary.pagesFetched), "published": Double(summary.published),
                "notModified": Double(summary.notModified), "unchanged": Double(summary.unchanged),
                "failed": Double(summary.failed), "deadLetters": Double(summary.deadLetters),
            ],
            labels: ["site": site.descriptor.id], at: Date())
        do {
            try await publisher.publish([event])
        } catch {
            throw CrawlerError(code: .publishFailed, reason: error.description, input: "pipeline.monitoring")
        }
    }
}
