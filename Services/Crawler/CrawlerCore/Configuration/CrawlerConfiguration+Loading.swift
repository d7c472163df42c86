import Configuration
import Foundation
import Schema
import ServiceSupport

extension CrawlerConfiguration {
    /// The default crawler file, relative to `configs/`.
    public static let defaultFile = "crawler.yaml"

    /// Loads `configs/<file>` (keys under `crawler.`, each overridable by an environment
    /// variable: `crawler.politeness.delayMs` → `CRAWLER_POLITENESS_DELAY_MS`) and the site's
    /// catalog entry from its mapping file `configs/sources/<crawler.sourceId>.yaml`.
    ///
    /// A relative state file resolves inside the state folder (`.homeprice/` by default).
    /// - Throws: ``CrawlerError/Code/invalidConfiguration`` naming the file and key that is
    ///   missing or invalid, or the mapping file that cannot be read.
    public static func load(file: String = defaultFile, layout: ProjectLayout) async throws(CrawlerError) -> CrawlerConfiguration {
        guard FileManager.default.fileExists(atPath: layout.configs.appendingPathComponent(file).path) else {
            throw CrawlerError(code: .invalidConfiguration, reason: "no crawler configuration", input: "configs/\(file)")
        }
        let reader: ConfigReader
        do {
            reader = try await ConfigurationLoader.reader(layout: layout, files: [file])
        } catch {
            throw CrawlerError(code: .invalidConfiguration, reason: error.description, input: "configs/\(file)")
        }
        let keys = CrawlerKeys(reader: reader.scoped(to: "crawler"), file: file)
        let sourceId = try keys.string("sourceId")
        let descriptor: SourceDescriptor
        do {
            descriptor = try SourceMappingFiles.descriptor(sourceId: sourceId, layout: layout, publishedAt: Date())
        } catch {
            throw CrawlerError(code: .invalidConfiguration, reason: "the mapping cannot be read: \(error.reason)", input: error.input)
        }
        return try CrawlerConfiguration(keys: keys, descriptor: descriptor, stateDirectory: layout.stateDirectory())
    }

    /// Reads the configuration from `keys`.
    init(keys: CrawlerKeys, descriptor: SourceDescriptor, stateDirectory: URL) throws(CrawlerError) {
        var startURLs: [URL] = []
        for text in try keys.strings("site.startURLs") {
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw CrawlerError(code: .invalidConfiguration, reason: "not an http(s) URL: \(text)", input: keys.name("site.startURLs"))
            }
            startURLs.append(url)
        }
        let followPatterns = try keys.patterns("site.followPatterns")
        let recordPatterns = try keys.patterns("site.recordPatterns")
        let extraction: ExtractionRule
        switch try keys.string("extraction.type") {
        case "jsonLD":
            extraction = .jsonLD(
                types: keys.reader.stringArray(forKey: "extraction.types", default: []),
                recordIdPath: try keys.string("extraction.recordIdPath"))
        case "selectors":
            var selectors: [String: String] = [:]
            for entry in try keys.strings("extraction.selectors") {
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw CrawlerError(
                        code: .invalidConfiguration, reason: "a selector must read field=XPath, found \(entry)",
                        input: keys.name("extraction.selectors"))
                }
                selectors[parts[0]] = parts[1]
            }
            let idField = try keys.string("extraction.recordIdField")
            guard selectors[idField] != nil else {
                throw CrawlerError(
                    code: .invalidConfiguration, reason: "no selector for the record id field \(idField)",
                    input: keys.name("extraction.recordIdField"))
            }
            extraction = .selectors(selectors, recordIdField: idField)
        case let other:
            throw CrawlerError(
                code: .invalidConfiguration, reason: "extraction.type must be jsonLD or selectors, found \(other)",
                input: keys.name("extraction.type"))
        }
        let site = SiteConfiguration(
            descriptor: descriptor, startURLs: startURLs, allowedHosts: Set(try keys.strings("site.allowedHosts")),
            followPatterns: followPatterns, recordPatterns: recordPatterns, maximumDepth: try keys.integer("site.maximumDepth", minimum: 0),
            extraction: extraction)
        let statePath = try keys.string("stateFile")
        let settings = CrawlerSettings(
            userAgent: try keys.string("userAgent"),
            politenessDelay: .milliseconds(try keys.integer("politeness.delayMs", minimum: 0)),
            maximumConcurrency: try keys.integer("concurrency", minimum: 1),
            maximumAttempts: try keys.integer("retry.maximumAttempts", minimum: 1),
            initialBackoff: .milliseconds(try keys.integer("retry.initialBackoffMs", minimum: 0)),
            requestTimeout: .milliseconds(try keys.integer("requestTimeoutMs", minimum: 1)),
            stateFile: statePath.hasPrefix("/") ? URL(fileURLWithPath: statePath) : stateDirectory.appendingPathComponent(statePath))
        let recrawl = try keys.integer("recrawlIntervalSeconds", minimum: 0)
        self.init(site: site, settings: settings, recrawlInterval: recrawl > 0 ? .seconds(recrawl) : nil)
    }
}
