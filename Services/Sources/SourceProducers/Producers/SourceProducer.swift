import Foundation
import Logging
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A generic source producer: announces its ``SourceDescriptor`` on `sources.catalog`, then
/// publishes every record of its input to `homes.raw` (key `source/recordId`), and every piece
/// of input it cannot read to `homes.deadletter` with the reason, and keeps going.
///
/// Dataset files and government drop folders are read whole, file by file in name order; a
/// file is marked done in the state file once all its records are delivered, so a restart
/// skips it (a crash inside a file re-publishes that file: at-least-once, stable keys).
/// Feeds are paged with a cursor that is saved after each delivered page. A page that is not
/// valid JSON is dead-lettered once: its cursor and content hash are remembered in the state
/// file, and the producer polls it again without re-publishing until the agency fixes it.
public final class SourceProducer: Service, Sendable {
    /// The configuration.
    public let configuration: ProducerConfiguration
    private let publisher: any MessagePublisher
    private let logger: Logger
    private let session: URLSession

    /// Creates a producer publishing through `publisher`.
    public init(configuration: ProducerConfiguration, publisher: any MessagePublisher, logger: Logger) {
        self.configuration = configuration
        self.publisher = publisher
        self.logger = logger
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.timeoutIntervalForRequest = configuration.timing.requestTimeout.seconds
        session = URLSession(configuration: sessionConfiguration)
    }

    /// Announces the source, then ingests until the input is exhausted (or, when watching or
    /// following, until graceful shutdown).
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await self.announce()
                repeat {
                    _ = try await self.ingestAvailable()
                    guard self.keepsWatching else { return }
                    try await Task.sleep(for: self.configuration.timing.pollInterval)
                } while true
            }
        } catch let error where error is CancellationError || (error as? SourceError)?.code == .cancelled {
            logger.info("source producer stopped", metadata: ["source.id": "\(configuration.descriptor.id)"])
        }
    }

    /// Publishes the catalog entry, stamped now.
    public func announce() async throws(SourceError) {
        var descriptor = configuration.descriptor
        descriptor.publishedAt = Date()
        do {
            try await publisher.publish([descriptor])
        } catch {
            throw SourceError(publishing: error)
        }
    }

    /// Reads and publishes everything the input has now that was not published before.
    public func ingestAvailable() async throws(SourceError) -> IngestionSummary {
        switch configuration.input {
        case .path(let url, _): try await ingestFiles(at: url)
        case .feed(let url, let pageSize, _): try await ingestFeed(url, pageSize: pageSize)
        }
    }

    private var keepsWatching: Bool {
        switch configuration.input {
        case .path(_, let watch): watch
        case .feed(_, _, let follow): follow
        }
    }

    private var outcomes: OutcomePublisher { OutcomePublisher(configuration: configuration, publisher: publisher) }

    // MARK: Files

    private func ingestFiles(at url: URL) async throws(SourceError) -> IngestionSummary {
        var progress = try ProducerProgress.load(from: configuration.stateFile)
        var summary = IngestionSummary()
        for entry in try InputFolder.entries(at: url) {
            let file = entry.url
            let fingerprint = Self.fingerprint(of: file)
            guard progress.files[file.lastPathComponent] != fingerprint else { continue }
            let outcomes: [ParseOutcome]
            switch entry.kind {
            case .file:
                outcomes = parse(try InputFolder.read(file), name: file.lastPathComponent)
            case .symbolicLink:
                logger.warning("symbolic link in the input folder refused", metadata: ["file": "\(file.lastPathComponent)"])
                outcomes = [.failure(.symbolicLinkRefused(file.lastPathComponent))]
            }
            summary.add(try await self.outcomes.publish(outcomes, url: file))
            progress.files[file.lastPathComponent] = fingerprint
            try progress.save(to: configuration.stateFile)
            logger.debug("file ingested", metadata: ["file": "\(file.lastPathComponent)", "records": "\(summary.records)"])
        }
        return summary
    }

    private func parse(_ data: Data, name: String) -> [ParseOutcome] {
        let outcomes = RecordFileReader(configuration: configuration).read(data, name: name)
        if case .failure(let failure) = outcomes.first, failure.code == RecordFailure.emptyFile(name).code {
            logger.warning("empty input file", metadata: ["file": "\(name)"])
        }
        return outcomes
    }

    /// The size and modification time of `file` itself (a link's own, never its target's).
    private static func fingerprint(of file: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(modified)"
    }

    // MARK: Feeds

    private func ingestFeed(_ url: URL, pageSize: Int) async throws(SourceError) -> IngestionSummary {
        var progress = try ProducerProgress.load(from: configuration.stateFile)
        var summary = IngestionSummary()
        while true {
            let cursor = progress.cursor
            var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            let existing = components?.queryItems ?? []
            components?.queryItems =
                existing + [URLQueryItem(name: "limit", value: String(pageSize))]
                + (cursor.map { [URLQueryItem(name: "cursor", value: $0)] } ?? [])
            guard let pageURL = components?.url else {
                throw SourceError(code: .invalidConfiguration, reason: "the feed URL cannot take a query", input: url.absoluteString)
            }
            let data = try await fetchWithRetries(pageURL)
            let page: FeedPage
            do {
                page = try FeedPage(data: data)
            } catch {
                let rejection = FeedRejection(cursor: cursor, data: data)
                guard progress.rejectedPage != rejection else { return summary }
                let failure = RecordFailure(
                    location: "page:\(cursor ?? "start")", text: String(decoding: data, as: UTF8.self),
                    code: "ingestion.invalidFeedPage", field: error.field, message: "\(pageURL): \(error.message)")
                summary.add(try await outcomes.publish([.failure(failure)], url: pageURL))
                progress.rejectedPage = rejection
                try progress.save(to: configuration.stateFile)
                logger.warning("invalid feed page dead-lettered", metadata: ["url": "\(pageURL)", "error": "\(error.message)"])
                return summary
            }
            let parser = JSONRecordParser(recordIdPath: configuration.recordIdPath)
            let pageOutcomes = page.items.enumerated().map { index, item in
                parser.parse(item, location: "page:\(cursor ?? "start")#\(index)")
            }
            summary.add(try await outcomes.publish(pageOutcomes, url: pageURL))
            progress.cursor = page.cursor
            progress.rejectedPage = nil
            try progress.save(to: configuration.stateFile)
            if !page.hasMore { return summary }
        }
    }

    /// Fetches `url`, retrying failures with exponential backoff up to the configured number of
    /// attempts (forever when that is 0).
    private func fetchWithRetries(_ url: URL) async throws(SourceError) -> Data {
        let timing = configuration.timing
        var delay = timing.initialRetryDelay
        var attempt = 1
        while true {
            do {
                return try await fetch(url)
            } catch {
                if error.code == .cancelled { throw error }
                if timing.maximumAttempts > 0 && attempt >= timing.maximumAttempts {
                    throw SourceError(code: .fetchFailed, reason: "\(error.reason) after \(attempt) attempts", input: url.absoluteString)
                }
                logger.warning("feed fetch failed; retrying", metadata: ["url": "\(url)", "error": "\(error)", "attempt": "\(attempt)"])
            }
            do { try await Task.sleep(for: delay) } catch {
                throw SourceError(code: .cancelled, reason: "stopped while waiting to retry", input: url.absoluteString)
            }
            delay = min(delay * 2, timing.maximumRetryDelay)
            attempt += 1
        }
    }

    private func fetch(_ url: URL) async throws(SourceError) -> Data {
        do {
            let (data, response) = try await session.cancellableData(from: url)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else {
                throw SourceError(code: .fetchFailed, reason: "HTTP status \(status)", input: url.absoluteString)
            }
            return data
        } catch let error as SourceError {
            throw error
        } catch let error as URLError where error.code == .cancelled && Task.isCancelled {
            throw SourceError(code: .cancelled, reason: "stopped while fetching", input: url.absoluteString)
        } catch {
            throw SourceError(code: .fetchFailed, reason: error.localizedDescription, input: url.absoluteString)
        }
    }
}
