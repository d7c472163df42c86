import Foundation
import Logging
import Markup
import Pipeline
import Schema

/// Processes one queued URL: politeness, fetch with retries, extraction, publication, journal.
struct PageProcessor: Sendable {
    let site: SiteConfiguration
    let settings: CrawlerSettings
    let publisher: any MessagePublisher
    let journal: CrawlJournal
    let fetcher: PageFetcher
    let robots: RobotsCache
    let scheduler: HostScheduler
    let logger: Logger

    /// Whether `url` may be queued: an allowed host, a followed pattern, allowed by robots.txt.
    func mayQueue(_ url: URL) async -> Bool {
        guard site.allowedHosts.contains(RobotsCache.hostKey(of: url)) else { return false }
        let pathAndQuery = URLNormalizer.pathAndQuery(of: url)
        guard
            (site.followPatterns + site.recordPatterns).contains(where: { pathAndQuery.range(of: $0, options: .regularExpression) != nil })
                || site.startURLs.contains(where: { URLNormalizer.normalize($0.absoluteString) == url })
        else { return false }
        return await robots.rules(for: url).allows(pathAndQuery)
    }

    /// Processes `url`, found at `depth`.
    func process(_ urlText: String, depth: Int) async throws -> CrawlSummary {
        var summary = CrawlSummary()
        guard let url = URL(string: urlText) else {
            try await journal.complete(urlText, status: 0, memory: nil)
            return summary
        }
        let memory = await journal.memories[urlText]
        let result: FetchResult
        do {
            result = try await fetchWithRetries(url, memory: memory)
        } catch let error as CrawlerError {
            summary.failed += 1
            try await reportFailure(url, error: error)
            try await journal.complete(urlText, status: -1, memory: memory)
            return summary
        }
        summary.pagesFetched += 1
        if result.status == 304, let memory {
            summary.notModified += 1
            try await journal.complete(urlText, status: 304, memory: memory)
            try await queue(memory.links, depth: depth + 1)
            return summary
        }
        let document = HTMLDocument(html: result.body, url: urlText)
        var links: [String] = []
        if depth < site.maximumDepth {
            for href in document.strings("//a/@href") {
                guard let link = URLNormalizer.normalize(href, relativeTo: url), !links.contains(link.absoluteString),
                    await mayQueue(link)
                else { continue }
                links.append(link.absoluteString)
            }
        }
        var newMemory = PageMemory(etag: result.etag, lastModified: result.lastModified, recordHash: memory?.recordHash, links: links)
        let pathAndQuery = URLNormalizer.pathAndQuery(of: url)
        if site.recordPatterns.contains(where: { pathAndQuery.range(of: $0, options: .regularExpression) != nil }) {
            switch RecordExtractor(rule: site.extraction).extract(from: document, url: url) {
            case .success(let record) where record.hash == memory?.recordHash:
                summary.unchanged += 1
            case .success(let record):
                try await publisher.publish([
                    RawRecord(
                        sourceId: site.descriptor.id, recordId: record.recordId, region: site.descriptor.region,
                        fetchedAt: Date(), contentType: record.contentType, payload: record.payload, url: url,
                        metadata: ["httpStatus": String(result.status), "depth": String(depth)])
                ])
                newMemory.recordHash = record.hash
                summary.published += 1
            case .failure(let failure):
                try await publisher.publish([
                    DeadLetter(
                        originalKey: "\(site.descriptor.id)/\(url.absoluteString)", originalBytes: Data(result.body.utf8),
                        stage: .ingestion, service: "crawler/\(site.descriptor.id)",
                        reasons: [FailureReason(field: failure.field, code: "crawler.noRecord", message: failure.message)],
                        failedAt: Date())
                ])
                summary.deadLetters += 1
            }
        }
        try await journal.complete(urlText, status: result.status, memory: newMemory)
        try await queue(links, depth: depth + 1)
        return summary
    }

    private func queue(_ links: [String], depth: Int) async throws {
        guard depth <= site.maximumDepth else { return }
        for link in links { _ = try await journal.discover(link, depth: depth) }
    }

    private func fetchWithRetries(_ url: URL, memory: PageMemory?) async throws -> FetchResult {
        let host = RobotsCache.hostKey(of: url)
        let crawlDelay = await robots.rules(for: url).crawlDelay.map { Duration.milliseconds(Int($0 * 1000)) } ?? .zero
        var lastError = CrawlerError(code: .fetchFailed, reason: "not attempted", input: url.absoluteString)
        for attempt in 1...max(1, settings.maximumAttempts) {
            if attempt > 1 { try await Task.sleep(for: settings.initialBackoff * (1 << (attempt - 2))) }
            let wait = await scheduler.reserve(host, delay: max(settings.politenessDelay, crawlDelay))
            if wait > .zero { try await Task.sleep(for: wait) }
            do {
                let result = try await fetcher.fetch(url, memory: memory)
                switch result.status {
                case 200, 304: return result
                case 500...599, 429:
                    lastError = CrawlerError(
                        code: .fetchFailed, reason: "HTTP status \(result.status) after \(attempt) attempts", input: url.absoluteString)
                default:
                    throw CrawlerError(code: .fetchFailed, reason: "HTTP status \(result.status)", input: url.absoluteString)
                }
            } catch let error as CrawlerError where error.reason.hasPrefix("HTTP status") == false {
                lastError = CrawlerError(code: .fetchFailed, reason: "\(error.reason) (attempt \(attempt))", input: url.absoluteString)
            }
            try Task.checkCancellation()
        }
        throw lastError
    }

    private func reportFailure(_ url: URL, error: CrawlerError) async throws {
        logger.warning("page failed", metadata: ["url": "\(url)", "error": "\(error)"])
        try await publisher.publish([
            MonitoringEvent(
                service: "crawler", instance: site.descriptor.id, kind: .alert, name: "pageFailed",
                values: ["attempts": Double(settings.maximumAttempts)], labels: ["site": site.descriptor.id, "url": url.absoluteString],
                severity: .warning, message: error.description, at: Date())
        ])
    }
}
