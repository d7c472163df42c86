import Foundation
import ServiceSupport
import Synchronization

/// The scenario's listing website, for the crawler to crawl.
///
/// - `/robots.txt` disallows `/admin/`, `/private/`, `/_scenario/` and the sorted search
///   variants `/search?sort=`; pages link to all of them.
/// - `/search?page=N`: paginated results, ``Configuration/pageSize`` per page; page 2 answers
///   503 to its first request.
/// - `/listing/<id>`: a detail page with schema.org JSON-LD and readable HTML, `ETag` and
///   `Last-Modified` (answering `304` to matching conditional requests), or a ``PageFault``.
/// - `POST /_scenario/revision` (or ``advanceRevision()``): the site changes; at revision r the
///   listings whose position ends in the digit r mod 10 drop their price by another 2 %.
///
/// Every request is logged (``requestLog``) so tests can check what a crawler fetched.
public final class ListingSite: Sendable {
    /// How the site behaves.
    public struct Configuration: Sendable, Equatable {
        /// Listings per search page.
        public var pageSize: Int
        /// How long a ``PageFault/slow`` page takes.
        public var slowDelay: Duration
        /// Whether listings misbehave as ``PageFault/of(position:)`` says.
        public var faultsEnabled: Bool

        /// Creates a configuration.
        public init(pageSize: Int = 20, slowDelay: Duration = .milliseconds(300), faultsEnabled: Bool = true) {
            self.pageSize = pageSize
            self.slowDelay = slowDelay
            self.faultsEnabled = faultsEnabled
        }
    }

    private struct State {
        var revision = 0
        var requestLog: [String] = []
        var requestCounts: [String: Int] = [:]
    }

    /// The listings, in site order.
    public let listings: [WebListing]
    /// The behaviour.
    public let configuration: Configuration
    private let positions: [String: Int]
    private let state = Mutex(State())
    private static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    /// Creates a site showing `listings`.
    public init(listings: [WebListing], configuration: Configuration = Configuration()) {
        self.listings = listings
        self.configuration = configuration
        positions = Dictionary(uniqueKeysWithValues: listings.enumerated().map { ($0.element.listingId, $0.offset) })
    }

    /// Reads the listings the generator wrote to `web/us-listings-web.jsonl`.
    public convenience init(contentsOf file: URL, configuration: Configuration = Configuration()) throws(ScenarioError) {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ScenarioError(code: .seedDataUnreadable, reason: error.localizedDescription, input: file.path)
        }
        var listings: [WebListing] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            do {
                listings.append(try JSONDecoder().decode(WebListing.self, from: Data(line.utf8)))
            } catch {
                throw ScenarioError(code: .seedDataUnreadable, reason: "line \(number + 1): \(error)", input: file.path)
            }
        }
        self.init(listings: listings, configuration: configuration)
    }

    /// The current revision; 0 until the site first changes.
    public var revision: Int { state.withLock { $0.revision } }

    /// Every request target received, in order.
    public var requestLog: [String] { state.withLock { $0.requestLog } }

    /// Changes the site: moves to the next revision.
    @discardableResult
    public func advanceRevision() -> Int {
        state.withLock {
            $0.revision += 1
            return $0.revision
        }
    }

    /// The fault of `listing`, if the site lets it misbehave.
    public func fault(of listing: WebListing) -> PageFault? {
        guard configuration.faultsEnabled, let position = positions[listing.listingId] else { return nil }
        return PageFault.of(position: position)
    }

    /// The listings a crawler can publish: all but those that always fail.
    public var reachableListings: [WebListing] {
        listings.filter { fault(of: $0) != .alwaysFails }
    }

    /// The listings whose price changes at `revision`.
    public func listingsChanged(at revision: Int) -> [WebListing] {
        listings.enumerated().filter { revision > 0 && $0.offset % 10 == revision % 10 }.map(\.element)
    }

    /// The price `listing` shows at `revision`.
    public func price(of listing: WebListing, at revision: Int) -> Double {
        let position = positions[listing.listingId] ?? 0
        let changes = revision > 0 ? (1...revision).filter { $0 % 10 == position % 10 }.count : 0
        return (listing.askingPrice * (1 - 0.02 * Double(changes))).rounded()
    }

    /// Answers one request.
    public func handle(_ request: HTTPRequest, baseURL: String) -> HTTPResponse {
        let (revision, count) = state.withLock { state in
            state.requestLog.append(request.target)
            state.requestCounts[request.target, default: 0] += 1
            return (state.revision, state.requestCounts[request.target, default: 0])
        }
        switch (request.method, request.path) {
        case ("GET", "/robots.txt"):
            return .text("User-agent: *\nDisallow: /admin/\nDisallow: /private/\nDisallow: /_scenario/\nDisallow: /search?sort=\n")
        case ("GET", "/"):
            return HTTPResponse(status: 301, headers: [("Location", "/search?page=1")])
        case ("GET", "/search"):
            return searchPage(request, requestCount: count)
        case ("POST", "/_scenario/revision"):
            return .text("\(advanceRevision())\n")
        case ("GET", _) where request.path.hasPrefix("/listing/"):
            return detailPage(
                id: String(request.path.dropFirst("/listing/".count)), request: request,
                revision: revision, requestCount: count, baseURL: baseURL)
        default:
            return .notFound
        }
    }

    private func searchPage(_ request: HTTPRequest, requestCount: Int) -> HTTPResponse {
        let pageCount = max(1, (listings.count + configuration.pageSize - 1) / configuration.pageSize)
        guard let page = request.query["page"].flatMap(Int.init), (1...pageCount).contains(page) else { return .notFound }
        if configuration.faultsEnabled && page == 2 && requestCount == 1 {
            return .text("temporarily unavailable\n", status: 503)
        }
        let start = (page - 1) * configuration.pageSize
        let slice = listings[start..<min(start + configuration.pageSize, listings.count)]
        return .text(
            ListingPageRenderer.searchPage(listings: slice, page: page, pageCount: pageCount),
            contentType: "text/html; charset=utf-8")
    }

    private func detailPage(id: String, request: HTTPRequest, revision: Int, requestCount: Int, baseURL: String) -> HTTPResponse {
        guard let position = positions[id] else { return .notFound }
        let listing = listings[position]
        let fault = fault(of: listing)
        switch fault {
        case .alwaysFails: return .text("internal error\n", status: 500)
        case .failsOnce where requestCount == 1: return .text("internal error\n", status: 500)
        default: break
        }
        let price = price(of: listing, at: revision)
        let html = ListingPageRenderer.detailPage(listing, price: price, baseURL: baseURL, fault: fault, views: requestCount)
        var response = HTTPResponse.text(html, contentType: "text/html; charset=utf-8")
        if fault != .noValidators {
            let lastChange = (0...revision).last { $0 == 0 || $0 % 10 == position % 10 } ?? 0
            let modified = Self.epoch.addingTimeInterval(Double(lastChange) * 3_600)
            let etag = "\"\(String(html.hashValueStable, radix: 16))\""
            let lastModified = HTTPDate.string(from: modified)
            if request.headers["if-none-match"] == etag
                || (request.headers["if-none-match"] == nil && request.headers["if-modified-since"] == lastModified)
            {
                return HTTPResponse(status: 304, headers: [("ETag", etag), ("Last-Modified", lastModified)])
            }
            response.headers += [("ETag", etag), ("Last-Modified", lastModified)]
        }
        if fault == .slow { response.delay = configuration.slowDelay }
        return response
    }
}
