import Foundation

/// The robots.txt rules of each host, fetched once per crawl.
actor RobotsCache {
    private var rules: [String: RobotsRules] = [:]
    private let fetcher: PageFetcher
    private let userAgent: String

    init(fetcher: PageFetcher, userAgent: String) {
        self.fetcher = fetcher
        self.userAgent = userAgent
    }

    /// The rules for the host of `url`: a robots.txt answering other than 200 allows all.
    func rules(for url: URL) async -> RobotsRules {
        let origin = Self.origin(of: url)
        if let known = rules[origin] { return known }
        var fetched = RobotsRules.allowAll
        if let robotsURL = URL(string: origin + "/robots.txt"),
            let result = try? await fetcher.fetch(robotsURL, memory: nil), result.status == 200
        {
            fetched = RobotsRules(text: result.body, userAgent: userAgent)
        }
        rules[origin] = fetched
        return fetched
    }

    /// `scheme://host[:port]`.
    static func origin(of url: URL) -> String {
        "\(url.scheme ?? "http")://\(hostKey(of: url))"
    }

    /// `host[:port]`, as allowed hosts are written.
    static func hostKey(of url: URL) -> String {
        (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")
    }
}
