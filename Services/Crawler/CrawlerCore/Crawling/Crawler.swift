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
/// reports pages that keep failing on `pipeline.monitoring`. Tracking parameters are dropped
/// from URLs and a page whose `<link rel="canonical">` names another page is crawled as that
/// page. Listing pages are re-crawled conditionally (`If-None-Match` / `If-Modified-Since`)
/// unless the extraction rules changed since they were read, and a record is published to
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
    ///
    /// Fetching and delivery overlap: up to ``CrawlerSettings/maximumConcurrency`` pages are
    /// fetched at once while the messages of up to ``CrawlerSettings/maximumPendingDeliveries``
    /// pages are on their way to the broker. A page is marked done in the journal only after
    /// its messages are delivered, so a crash or a broker outage leaves it to be fetched again.
    public func crawl() async throws -> CrawlSummary {
        let journal = try CrawlJournal(file: settings.stateFile)
        let fetcher = PageFetcher(settings: settings)
        let scheduler = HostScheduler()
        let processor = PageProcessor(
            site: site, settings: settings, journal: journal, fetcher: fetcher,
            robots: RobotsCache(fetcher: fetcher, scheduler: scheduler, settings: settings, logger: logger), scheduler: scheduler,
            logger: logger)
        if await !journal.isInProgress {
            try await journal.begin()
            for url in site.startURLs {
                if let normalized = site.normalize(url.absoluteString), await processor.mayQueue(normalized) {
                    _ = try await journal.discover(normalized.absoluteString, depth: 0)
                }
            }
        }
        var frontier = CrawlFrontier(await journal.pending())
        var summary = CrawlSummary()
        try await withThrowingTaskGroup(of: CrawlStep.self) { group in
            var fetching = 0, delivering = 0
            while true {
                while fetching < max(1, settings.maximumConcurrency), delivering < max(1, settings.maximumPendingDeliveries),
                    let next = frontier.next()
                {
                    fetching += 1
                    group.addTask { .fetched(try await processor.process(next.url, depth: next.depth)) }
                }
                guard let step = try await group.next() else { break }
                switch step {
                case .fetched(let page):
                    fetching -= 1
                    summary.add(page.summary)
                    if let canonical = page.canonical, try await journal.discover(canonical, depth: page.depth) {
                        frontier.append(canonical, depth: page.depth)
                    }
                    if page.depth < site.maximumDepth {
                        for link in page.links {
                            if try await journal.discover(link, depth: page.depth + 1) { frontier.append(link, depth: page.depth + 1) }
                        }
                    }
                    if page.messages.isEmpty {
                        try await journal.complete(page.url, status: page.status, memory: page.memory)
                    } else {
                        delivering += 1
                        group.addTask { try await self.deliver(page, journal: journal) }
                    }
                case .delivered:
                    delivering -= 1
                }
                try Task.checkCancellation()
            }
        }
        try await journal.finish()
        try await report(summary)
        return summary
    }

    /// Publishes what `page` yielded and, once delivered, marks it done.
    private func deliver(_ page: PageOutcome, journal: CrawlJournal) async throws -> CrawlStep {
        do {
            try await publisher.publish(page.messages)
        } catch {
            throw CrawlerError(code: .publishFailed, reason: error.description, input: page.url)
        }
        try await journal.complete(page.url, status: page.status, memory: page.memory)
        return .delivered
    }

    private func report(_ summary: CrawlSummary) async throws(CrawlerError) {
        let event = MonitoringEvent(
            service: "crawler", instance: site.descriptor.id, kind: .metric, name: "crawlFinished",
            values: [
                "pagesFetched": Double(summary.pagesFetched), "published": Double(summary.published),
                "notModified": Double(summary.notModified), "unchanged": Double(summary.unchanged),
                "canonicalAliases": Double(summary.canonicalAliases),
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
