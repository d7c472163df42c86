import Configuration
import Foundation
import Markup
import Schema
import ServiceSupport

extension CrawlerConfiguration {
    /// The default crawler file, relative to `configs/`.
    public static let defaultFile = "crawler.yaml"

    /// Loads the crawler file `file` (keys under `crawler.`, each overridable by an environment
    /// variable: `crawler.politeness.delayMs` → `CRAWLER_POLITENESS_DELAY_MS`) and the site's
    /// catalog entry from its mapping file.
    ///
    /// `file` is a name inside `configs/` or the path of a user's own file anywhere (absolute, or
    /// relative to the working directory). The mapping file is `mapping` when given, else the
    /// file's `crawler.mappingFile` (relative to the crawler file's folder), else
    /// `configs/sources/<crawler.sourceId>.yaml`; its id must be `crawler.sourceId`.
    /// A relative state file resolves inside the state folder (`.homeprice/` by default).
    /// - Throws: ``CrawlerError/Code/invalidConfiguration`` naming the file and key that is
    ///   missing or invalid (an XPath or pattern that does not compile included), or the mapping
    ///   file that cannot be read.
    public static func load(file: String = defaultFile, mapping: String? = nil, layout: ProjectLayout) async throws(CrawlerError)
        -> CrawlerConfiguration
    {
        let location = try locate(file, layout: layout)
        let reader: ConfigReader
        do {
            reader = try await ConfigurationLoader.reader(layout: layout, files: [location.path])
        } catch {
            throw CrawlerError(code: .invalidConfiguration, reason: error.description, input: location.name)
        }
        let keys = CrawlerKeys(reader: reader.scoped(to: "crawler"), file: location.name)
        let sourceId = try keys.string("sourceId")
        let mappingFile =
            mapping.map { URL(fileURLWithPath: $0) }
            ?? keys.reader.string(forKey: "mappingFile").map {
                $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : location.url.deletingLastPathComponent().appendingPathComponent($0)
            }
            ?? SourceMappingFiles.file(sourceId: sourceId, layout: layout)
        let descriptor: SourceDescriptor
        do {
            descriptor = try SourceMappingFiles.load(file: mappingFile, publishedAt: Date())
        } catch {
            throw CrawlerError(code: .invalidConfiguration, reason: "the mapping cannot be read: \(error.reason)", input: error.input)
        }
        guard descriptor.id == sourceId else {
            throw CrawlerError(
                code: .invalidConfiguration, reason: "the mapping describes source \(descriptor.id), not \(sourceId)",
                input: mappingFile.path)
        }
        return try CrawlerConfiguration(keys: keys, descriptor: descriptor, stateDirectory: layout.stateDirectory())
    }

    /// The crawler file: a name inside `configs/`, else an absolute path or one relative to the
    /// working directory.
    private static func locate(_ file: String, layout: ProjectLayout) throws(CrawlerError) -> (url: URL, path: String, name: String) {
        let inConfigs = layout.configs.appendingPathComponent(file)
        if !file.hasPrefix("/"), FileManager.default.fileExists(atPath: inConfigs.path) {
            return (inConfigs, inConfigs.path, "configs/\(file)")
        }
        let own = URL(fileURLWithPath: file).standardizedFileURL
        guard FileManager.default.fileExists(atPath: own.path) else {
            throw CrawlerError(
                code: .invalidConfiguration, reason: "no crawler configuration (neither in configs/ nor at this path)", input: file)
        }
        return (own, own.path, own.path)
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
            let recordIdPath = try keys.string("extraction.recordIdPath")
            guard !recordIdPath.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
                throw CrawlerError(
                    code: .invalidConfiguration, reason: "not a dot path: \(recordIdPath)", input: keys.name("extraction.recordIdPath"))
            }
            extraction = .jsonLD(types: keys.reader.stringArray(forKey: "extraction.types", default: []), recordIdPath: recordIdPath)
        case "selectors":
            var selectors: [String: String] = [:]
            for entry in try keys.strings("extraction.selectors") {
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw CrawlerError(
                        code: .invalidConfiguration, reason: "a selector must read field=XPath, found \(entry)",
                        input: keys.name("extraction.selectors"))
                }
                if let problem = HTMLDocument.xpathError(parts[1]) {
                    throw CrawlerError(
                        code: .invalidConfiguration, reason: "the selector of \(parts[0]) is \(problem): \(parts[1])",
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
            extraction: extraction, ignoredParameters: keys.reader.stringArray(forKey: "site.ignoredParameters", default: []))
        let statePath = try keys.string("stateFile")
        let settings = CrawlerSettings(
            userAgent: try keys.string("userAgent"),
            politenessDelay: .milliseconds(try keys.integer("politeness.delayMs", minimum: 0)),
            maximumConcurrency: try keys.integer("concurrency", minimum: 1),
            maximumPendingDeliveries: try keys.integer("delivery.maximumPendingPages", minimum: 1),
            maximumAttempts: try keys.integer("retry.maximumAttempts", minimum: 1),
            initialBackoff: .milliseconds(try keys.integer("retry.initialBackoffMs", minimum: 0)),
            requestTimeout: .milliseconds(try keys.integer("requestTimeoutMs", minimum: 1)),
            stateFile: statePath.hasPrefix("/") ? URL(fileURLWithPath: statePath) : stateDirectory.appendingPathComponent(statePath))
        let recrawl = try keys.integer("recrawlIntervalSeconds", minimum: 0)
        self.init(site: site, settings: settings, recrawlInterval: recrawl > 0 ? .seconds(recrawl) : nil)
    }
}
