/// Everything a crawler process runs with: the site, the behaviour, and how often it crawls.
public struct CrawlerConfiguration: Sendable, Equatable {
    /// The website and how to read it.
    public var site: SiteConfiguration
    /// Politeness, concurrency, retries, timeouts and the state file.
    public var settings: CrawlerSettings
    /// How long to wait after a crawl before the next; `nil` crawls once and stops.
    public var recrawlInterval: Duration?

    /// Creates a configuration.
    public init(site: SiteConfiguration, settings: CrawlerSettings, recrawlInterval: Duration?) {
        self.site = site
        self.settings = settings
        self.recrawlInterval = recrawlInterval
    }
}
