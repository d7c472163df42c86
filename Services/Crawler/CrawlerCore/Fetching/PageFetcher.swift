import Foundation
import ServiceSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches pages with Foundation's URLSession: no cache of its own, conditional requests from
/// the remembered validators, a per-request timeout.
struct PageFetcher: Sendable {
    private let session: URLSession
    private let userAgent: String

    init(settings: CrawlerSettings) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let (seconds, attoseconds) = settings.requestTimeout.components
        configuration.timeoutIntervalForRequest = Double(seconds) + Double(attoseconds) * 1e-18
        configuration.httpMaximumConnectionsPerHost = max(1, settings.maximumConcurrency)
        session = URLSession(configuration: configuration)
        userAgent = settings.userAgent
    }

    /// Fetches `url`, conditionally when `memory` has validators.
    func fetch(_ url: URL, memory: PageMemory?) async throws(CrawlerError) -> FetchResult {
        var request = URLRequest(url: url)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        if let etag = memory?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = memory?.lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        do {
            let (data, response) = try await session.cancellableData(for: request)
            guard let http = response as? HTTPURLResponse else {
                throw CrawlerError(code: .fetchFailed, reason: "not an HTTP response", input: url.absoluteString)
            }
            return FetchResult(
                status: http.statusCode, body: String(decoding: data, as: UTF8.self),
                etag: http.value(forHTTPHeaderField: "ETag"), lastModified: http.value(forHTTPHeaderField: "Last-Modified"))
        } catch let error as CrawlerError {
            throw error
        } catch {
            throw CrawlerError(code: .fetchFailed, reason: error.localizedDescription, input: url.absoluteString)
        }
    }
}
