import Foundation
import Schema

/// One website to crawl: what it is, where to start, which links to follow, what a listing
/// page is and how to read it.
public struct SiteConfiguration: Sendable, Equatable {
    /// The catalog entry announced on `sources.catalog` (kind `crawledSite`).
    public var descriptor: SourceDescriptor
    /// Where crawling starts.
    public var startURLs: [URL]
    /// Hosts (host or host:port) that may be fetched; links elsewhere are ignored.
    public var allowedHosts: Set<String>
    /// Regular expressions over path and query; only matching links are followed.
    public var followPatterns: [String]
    /// Regular expressions over path and query of listing pages, whose record is published.
    public var recordPatterns: [String]
    /// How many links away from a start URL the crawler goes.
    public var maximumDepth: Int
    /// How listings are read.
    public var extraction: ExtractionRule

    /// Creates a site configuration.
    public init(
        descriptor: SourceDescriptor,
        startURLs: [URL],
        allowedHosts: Set<String>,
        followPatterns: [String],
        recordPatterns: [String],
        maximumDepth: Int,
        extraction: ExtractionRule
    ) {
        self.descriptor = descriptor
        self.startURLs = startURLs
        self.allowedHosts = allowedHosts
        self.followPatterns = followPatterns
        self.recordPatterns = recordPatterns
        self.maximumDepth = maximumDepth
        self.extraction = extraction
    }
}
