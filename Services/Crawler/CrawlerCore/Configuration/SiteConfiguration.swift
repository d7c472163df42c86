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
    /// Query parameters that never make a page different (tracking: `utm_*`, `fbclid`, …);
    /// a trailing `*` matches any name with that prefix. They are dropped from every URL
    /// before it is de-duplicated.
    public var ignoredParameters: [String]

    /// Creates a site configuration.
    public init(
        descriptor: SourceDescriptor,
        startURLs: [URL],
        allowedHosts: Set<String>,
        followPatterns: [String],
        recordPatterns: [String],
        maximumDepth: Int,
        extraction: ExtractionRule,
        ignoredParameters: [String] = []
    ) {
        self.descriptor = descriptor
        self.startURLs = startURLs
        self.allowedHosts = allowedHosts
        self.followPatterns = followPatterns
        self.recordPatterns = recordPatterns
        self.maximumDepth = maximumDepth
        self.extraction = extraction
        self.ignoredParameters = ignoredParameters
    }

    /// A stable hash of everything that decides what a page yields (link and record patterns,
    /// ignored parameters, the extraction rule). The journal keeps it per page: a page read
    /// under other rules is fetched whole again (no conditional request), so a fixed rule is
    /// applied to pages that did not change.
    public var rulesFingerprint: String {
        StableHash.of(
            [
                "follow=" + followPatterns.joined(separator: "\n"), "records=" + recordPatterns.joined(separator: "\n"),
                "ignored=" + ignoredParameters.joined(separator: ","), extraction.canonicalText,
            ].joined(separator: "\n\n"))
    }

    /// The canonical form of a link `reference` found on `base` (see ``URLNormalizer``), with
    /// the ignored parameters dropped.
    public func normalize(_ reference: String, relativeTo base: URL? = nil) -> URL? {
        URLNormalizer.normalize(reference, relativeTo: base, droppingParameters: ignoredParameters)
    }
}
