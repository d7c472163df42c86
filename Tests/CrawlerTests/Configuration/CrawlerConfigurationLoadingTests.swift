import Crawler
import Foundation
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("Loading the crawler configuration")
struct CrawlerConfigurationLoadingTests {
    @Test("configs/crawler.yaml describes the scenario website and announces its mapping's descriptor")
    func projectFileLoads() async throws {
        let layout = TestProject.layout
        let configuration = try await CrawlerConfiguration.load(layout: layout)
        let mapping = try SourceMappingFiles.descriptor(
            sourceId: "us-listings-web", layout: layout, publishedAt: configuration.site.descriptor.publishedAt)
        #expect(configuration.site.descriptor == mapping)
        #expect(configuration.site.startURLs == [URL(string: "http://127.0.0.1:8080/search?page=1")!])
        #expect(configuration.site.allowedHosts == ["127.0.0.1:8080"])
        #expect(configuration.site.recordPatterns.contains { "/listing/L123".range(of: $0, options: .regularExpression) != nil })
        #expect(configuration.site.followPatterns.contains { "/search?page=7".range(of: $0, options: .regularExpression) != nil })
        #expect(!configuration.site.followPatterns.contains { "/search?sort=price".range(of: $0, options: .regularExpression) != nil })
        #expect(
            configuration.site.extraction == .jsonLD(types: ["SingleFamilyResidence", "House", "Apartment"], recordIdPath: "identifier"))
        #expect(configuration.settings.politenessDelay == .milliseconds(200))
        #expect(configuration.settings.maximumAttempts == 3)
        #expect(configuration.recrawlInterval == .seconds(600))
        #expect(configuration.settings.stateFile.path.hasSuffix("crawler/us-listings-web.jsonl"))
    }

    @Test("selector extraction reads field=XPath entries and crawling once needs no interval")
    func selectorsLoad() async throws {
        let project = try Self.project(extraction: Self.selectors(price: "//span[@class='price']"))
        defer { project.remove() }
        let configuration = try await CrawlerConfiguration.load(file: "crawler-test.yaml", layout: project.layout)
        #expect(
            configuration.site.extraction
                == .selectors(["id": "//*[@itemprop='identifier']", "price": "//span[@class='price']"], recordIdField: "id"))
        #expect(configuration.recrawlInterval == nil)
        #expect(configuration.settings.stateFile == URL(fileURLWithPath: "/tmp/crawl.jsonl"))
    }

    @Test("a selector set without the record id field is rejected, naming the key")
    func selectorsNeedTheIdField() async throws {
        let project = try Self.project(
            extraction: """
                  extraction:
                    type: selectors
                    selectors:
                      - price=//span
                    recordIdField: id

                """)
        defer { project.remove() }
        let error = try await #require(throws: CrawlerError.self) {
            try await CrawlerConfiguration.load(file: "crawler-test.yaml", layout: project.layout)
        }
        #expect(error.input == "configs/crawler-test.yaml: crawler.extraction.recordIdField")
    }

    @Test("an invalid link pattern is rejected, naming the key")
    func invalidPatternIsRejected() async throws {
        let project = try Self.project(
            extraction: "  extraction:\n    type: jsonLD\n    recordIdPath: identifier\n", followPattern: "'^/search(['")
        defer { project.remove() }
        let error = try await #require(throws: CrawlerError.self) {
            try await CrawlerConfiguration.load(file: "crawler-test.yaml", layout: project.layout)
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.input == "configs/crawler-test.yaml: crawler.site.followPatterns")
    }

    @Test("a missing politeness delay is an error, not a silent default")
    func missingTimingIsAnError() async throws {
        let project = try Self.project(
            extraction: "  extraction:\n    type: jsonLD\n    recordIdPath: identifier\n", politeness: "")
        defer { project.remove() }
        let error = try await #require(throws: CrawlerError.self) {
            try await CrawlerConfiguration.load(file: "crawler-test.yaml", layout: project.layout)
        }
        #expect(error.input == "configs/crawler-test.yaml: crawler.politeness.delayMs")
    }

    @Test("a selector that is not valid XPath is a configuration error naming the key and the expression")
    func invalidXPathIsRejected() async throws {
        for expression in ["//span[@class='price'", "//span[@class='price']/text()]", "price-of(//span)"] {
            let project = try Self.project(extraction: Self.selectors(price: expression))
            defer { project.remove() }
            let error = try await #require(throws: CrawlerError.self) {
                try await CrawlerConfiguration.load(file: "crawler-test.yaml", layout: project.layout)
            }
            #expect(error.code == .invalidConfiguration)
            #expect(error.input == "configs/crawler-test.yaml: crawler.extraction.selectors")
            #expect(error.reason.contains("price") && error.reason.contains(expression), "\(error.reason)")
        }
    }

    @Test("homeprice-crawler with an invalid XPath in its own file exits non-zero at start, naming the key")
    func invalidXPathStopsTheProcess() async throws {
        let project = try Self.project(extraction: Self.selectors(price: "//span[@class='price'"))
        defer { project.remove() }
        let crawler = TestProject.homepriceExecutable.deletingLastPathComponent().appendingPathComponent("homeprice-crawler")
        let run = try await ExecutableRun.run(
            crawler, ["--config", project.layout.configs.appendingPathComponent("crawler-test.yaml").path],
            environment: ["HOMEPRICE_ROOT": project.layout.root.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("crawler.extraction.selectors") && run.errors.contains("not a valid XPath"), "\(run.errors)")
    }

    @Test("a crawler file and a mapping file may live anywhere")
    func filesOutsideConfigs() async throws {
        let project = try Self.project(extraction: "  extraction:\n    type: jsonLD\n    recordIdPath: identifier\n")
        defer { project.remove() }
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("own-crawler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("mappings"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let crawlerText = try String(contentsOf: project.layout.configs.appendingPathComponent("crawler-test.yaml"), encoding: .utf8)
        let mappingText = try String(contentsOf: project.layout.configs.appendingPathComponent("sources/test-site.yaml"), encoding: .utf8)
        try FileManager.default.removeItem(at: project.layout.configs.appendingPathComponent("sources/test-site.yaml"))
        let ownCrawler = elsewhere.appendingPathComponent("my-site.yaml")
        try crawlerText.replacingOccurrences(
            of: "  sourceId: test-site\n", with: "  sourceId: test-site\n  mappingFile: mappings/site.yaml\n"
        )
        .write(to: ownCrawler, atomically: true, encoding: .utf8)
        try mappingText.replacingOccurrences(of: "region: DE", with: "region: CA")
            .write(to: elsewhere.appendingPathComponent("mappings/site.yaml"), atomically: true, encoding: .utf8)

        let configuration = try await CrawlerConfiguration.load(file: ownCrawler.path, layout: project.layout)
        #expect(configuration.site.descriptor.id == "test-site")
        #expect(configuration.site.descriptor.region == "CA", "the mapping beside the crawler file")

        let other = elsewhere.appendingPathComponent("other-mapping.yaml")
        try mappingText.replacingOccurrences(of: "region: DE", with: "region: US").write(to: other, atomically: true, encoding: .utf8)
        let overridden = try await CrawlerConfiguration.load(file: ownCrawler.path, mapping: other.path, layout: project.layout)
        #expect(overridden.site.descriptor.region == "US", "--mapping wins")

        let wrongId = elsewhere.appendingPathComponent("wrong-id.yaml")
        try mappingText.replacingOccurrences(of: "id: test-site", with: "id: another-site").write(
            to: wrongId, atomically: true, encoding: .utf8)
        let error = try await #require(throws: CrawlerError.self) {
            try await CrawlerConfiguration.load(file: ownCrawler.path, mapping: wrongId.path, layout: project.layout)
        }
        #expect(error.input == wrongId.path)
        let missing = try await #require(throws: CrawlerError.self) {
            try await CrawlerConfiguration.load(file: elsewhere.appendingPathComponent("none.yaml").path, layout: project.layout)
        }
        #expect(missing.code == .invalidConfiguration)
    }

    /// A selectors extraction with an id selector and `price` for the price.
    static func selectors(price: String) -> String {
        """
          extraction:
            type: selectors
            selectors:
              - id=//*[@itemprop='identifier']
              - price=\(price)
            recordIdField: id

        """
    }

    static func project(
        extraction: String, followPattern: String = "'^/page/[0-9]+$'", politeness: String = "  politeness:\n    delayMs: 0\n"
    ) throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write(
            """
            id: test-site
            kind: crawledSite
            region: DE
            currency: EUR
            format: html
            mapping:
              price: { path: price }
            """, to: "sources/test-site.yaml")
        try project.write(
            """
            crawler:
              sourceId: test-site
              userAgent: TestCrawler/1.0
              site:
                startURLs:
                  - https://example.org/page/1
                allowedHosts:
                  - example.org
                followPatterns:
                  - \(followPattern)
                recordPatterns:
                  - '^/home/[0-9]+$'
                maximumDepth: 3

            """ + extraction + politeness + """
                  concurrency: 2
                  delivery:
                    maximumPendingPages: 10
                  retry:
                    maximumAttempts: 2
                    initialBackoffMs: 10
                  requestTimeoutMs: 1000
                  recrawlIntervalSeconds: 0
                  stateFile: /tmp/crawl.jsonl

                """, to: "crawler-test.yaml")
        return project
    }
}
