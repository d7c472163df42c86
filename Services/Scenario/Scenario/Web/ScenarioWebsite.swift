import Foundation
import ServiceSupport

/// Everything `homeprice scenario web` serves: the listing site and the agency feeds.
public struct ScenarioWebsite: Sendable {
    /// The listing site.
    public let site: ListingSite
    /// The agency feeds.
    public let feeds: [AgencyFeed]

    /// Creates the website of `site` and `feeds`.
    public init(site: ListingSite, feeds: [AgencyFeed]) {
        self.site = site
        self.feeds = feeds
    }

    /// Loads a generated scenario from `folder`.
    public init(scenario folder: URL, configuration: ListingSite.Configuration = .init()) throws(ScenarioError) {
        site = try ListingSite(
            contentsOf: folder.appendingPathComponent(ScenarioSource.usListingsWeb.relativePath), configuration: configuration)
        var feeds: [AgencyFeed] = []
        for source in ScenarioSource.allCases where source.kind == .agencyFeed {
            feeds.append(
                try AgencyFeed(
                    path: Self.feedPath(of: source), contentsOf: folder.appendingPathComponent(source.relativePath)))
        }
        self.feeds = feeds
    }

    /// The URL path of an agency source's feed: `/agencies/<id>/listings`.
    public static func feedPath(of source: ScenarioSource) -> String {
        "/agencies/\(source.id)/listings"
    }

    /// Starts serving on `host`:`port` (0 picks a free port).
    public func serve(host: String = "127.0.0.1", port: Int = 0) throws(ScenarioError) -> LocalHTTPServer {
        let site = site, feeds = feeds
        let base = LockedBox<String>("")
        let server: LocalHTTPServer
        do {
            server = try LocalHTTPServer(host: host, port: port) { request in
                if let feed = feeds.first(where: { $0.path == request.path }) { return feed.handle(request) }
                return site.handle(request, baseURL: base.value)
            }
        } catch {
            throw ScenarioError(code: .serverFailed, reason: error.reason, input: error.input)
        }
        base.value = server.baseURL.absoluteString
        return server
    }
}
