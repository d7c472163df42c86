import Foundation
import Logging
import Markup
import Pipeline
import Schema

/// Processes one queued URL: politeness, fetch with retries, canonical link, extraction. It
/// publishes nothing and journals nothing itself: the ``PageOutcome`` says what to deliver and
/// what to remember, and the ``Crawler`` marks the page done once that is delivered.
struct PageProcessor: Sendable {
    let site: SiteConfiguration
    let settings: CrawlerSettings
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
                || site.startURLs.contains(where: { site.normalize($0.absoluteString) == url })
        else { return false }
        return await robots.rules(for: url).allows(pathAndQuery)
    }

    /// Processes `urlText`, found at `depth`.
    func process(_ urlText: String, depth: Int) async throws -> PageOutcome {
        var outcome = PageOutcome(url: urlText, depth: depth)
        guard let url = URL(string: urlText) else { return outcome }
        let memory = await journal.memories[urlText]
        let rulesHash = site.rulesFingerprint
        let result: FetchResult
        do {
            // A page read under other rules is fetched whole, so it is extracted again.
            result = try await fetchWithRetries(url, memory: memory?.rulesHash == rulesHash ? memory : nil)
        } catch let error as CrawlerError {
            logger.warning("page failed", metadata: ["url": "\(url)", "error": "\(error)"])
            outcome.summary.failed += 1
            outcome.status = -1
            outcome.memory = memory
            outcome.messages = [
                MonitoringEvent(
                    service: "crawler", instance: site.descriptor.id, kind: .alert, name: "pageFailed",
                    values: ["attempts": Double(settings.maximumAttempts)],
                    labels: ["site": site.descriptor.id, "url": url.absoluteString],
                    severity: .warning, message: error.description, at: Date())
            ]
            return outcome
        }
        outcome.summary.pagesFetched += 1
        outcome.status = result.status
        if result.status == 304, let memory {
            outcome.summary.notModified += 1
            outcome.memory = memory
            outcome.links = memory.links
            return outcome
        }
        let document = HTMLDocument(html: result.body, url: urlText)
        if depth < site.maximumDepth {
            for href in document.strings("//a/@href") {
                guard let link = site.normalize(href, relativeTo: url), !outcome.links.contains(link.absoluteString),
                    await mayQueue(link)
                else { continue }
                outcome.links.append(link.absoluteString)
            }
        }
        var newMemory = PageMemory(
            etag: result.etag, lastModified: result.lastModified, recordHash: memory?.recordHash, links: outcome.links,
            rulesHash: rulesHash)
        outcome.memory = newMemory
        if let href = document.strings("//link[@rel='canonical']/@href").first, let canonical = site.normalize(href, relativeTo: url),
            canonical.absoluteString != urlText, await mayQueue(canonical)
        {
            outcome.canonical = canonical.absoluteString
            outcome.summary.canonicalAliases += 1
            return outcome
        }
        let pathAndQuery = URLNormalizer.pathAndQuery(of: url)
        guard site.recordPatterns.contains(where: { pathAndQuery.range(of: $0, options: .regularExpression) != nil }) else {
            return outcome
        }
        switch RecordExtractor(rule: site.extraction).extract(from: document, url: url) {
        case .success(let record) where record.hash == memory?.recordHash:
            outcome.summary.unchanged += 1
        case .success(let record):
            outcome.messages = [
                RawRecord(
                    sourceId: site.descriptor.id, recordId: record.recordId, region: site.descriptor.region,
                    fetchedAt: Date(), contentType: record.contentType, payload: record.payload, url: url,
                    metadata: ["httpStatus": String(result.status), "depth": String(depth)])
            ]
            newMemory.recordHash = record.hash
            outcome.memory = newMemory
            outcome.summary.published += 1
        case .failure(let failure):
            outcome.messages = [
                DeadLetter(
                    originalKey: "\(site.descriptor.id)/\(url.absoluteString)", originalBytes: Data(result.body.utf8),
                    stage: .ingestion, service: "crawler/\(site.descriptor.id)",
                    reasons: [FailureReason(field: failure.field, code: "crawler.noRecord", message: failure.message)],
                    failedAt: Date())
            ]
            outcome.summary.deadLetters += 1
        }
        return outcome
    }

    private func fetchWithRetries(_ url: URL, memory: PageMemory?) async throws -> FetchResult {
        let host = RobotsCache.hostKey(of: url)
        let crawlDelay = await robots.rules(for: url).crawlDelay.map { Duration.milliseconds(Int($0 * 1000)) } ?? .zero
        var lastError = CrawlerError(code: .fetchFailed, reason: "not attempted", input: url.absoluteString)
        for (attempt, backoff) in settings.attempts {
            try await Task.sleep(for: backoff)
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
}
