import Foundation
import Scenario
import Schema
import ServiceSupport
import Sources
import TestSupport
import Testing

@Suite("Loading producer configurations")
struct ProducerConfigurationLoadingTests {
    static let scenarioProducers = ScenarioSource.allCases.filter { $0.kind != .crawledSite }

    @Test("every non-crawled scenario source has a producer file that loads with its mapping's descriptor", arguments: scenarioProducers)
    func everyScenarioProducerLoads(source: ScenarioSource) async throws {
        let layout = TestProject.layout
        let configuration = try await ProducerConfiguration.load(sourceId: source.id, layout: layout)
        let mapping = try SourceMappingFiles.descriptor(
            sourceId: source.id, layout: layout, publishedAt: configuration.descriptor.publishedAt)
        #expect(configuration.descriptor == mapping, "the announced descriptor is the mapping file's")
        #expect(configuration.descriptor.kind == source.kind)
        #expect(configuration.descriptor.format == source.format)
        let scenario = layout.root.appendingPathComponent(".homeprice/scenario")
        switch configuration.input {
        case .feed(let url, _, let follow):
            #expect(source.kind == .agencyFeed)
            #expect(url.path == ScenarioWebsite.feedPath(of: source))
            #expect(follow)
        case .path(let url, let watch):
            #expect(url.standardizedFileURL.path == scenario.appendingPathComponent(source.relativePath).standardizedFileURL.path)
            #expect(watch == (source.kind == .governmentRecords), "drop folders are watched, datasets read once")
        }
        #expect(configuration.stateFile.lastPathComponent == "\(source.id).json")
    }

    @Test("a source's file overrides the shared defaults, which fill in the rest")
    func sourceFileOverridesDefaults() async throws {
        let layout = TestProject.layout
        let nested = try await ProducerConfiguration.load(sourceId: "de-agency-nested", layout: layout)
        let flat = try await ProducerConfiguration.load(sourceId: "us-agency-flat", layout: layout)
        guard case .feed(_, let nestedPageSize, _) = nested.input, case .feed(_, let flatPageSize, _) = flat.input else {
            Issue.record("the agency producers read feeds")
            return
        }
        #expect(nestedPageSize == 100)
        #expect(flatPageSize == 200)
        let sales = try await ProducerConfiguration.load(sourceId: "us-county-sales", layout: layout)
        #expect(sales.timing.pollInterval == .milliseconds(5_000))
        #expect(
            flat.timing
                == ProducerTiming(
                    pollInterval: .milliseconds(2_000), requestTimeout: .milliseconds(10_000), initialRetryDelay: .milliseconds(200),
                    maximumRetryDelay: .milliseconds(30_000), maximumAttempts: 0))
        #expect(try await ProducerConfiguration.load(sourceId: "de-immobilien-csv", layout: layout).csvDelimiter == ";")
    }

    @Test("a missing key is reported with the file and the key")
    func missingKeyNamesFileAndKey() async throws {
        let project = try Self.project(producer: "producer:\n  format: csv\n  input:\n    type: path\n    path: x.csv\n    watch: false\n")
        defer { project.remove() }
        let error = try await #require(throws: SourceError.self) {
            try await ProducerConfiguration.load(sourceId: "test-source", layout: project.layout)
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.input == "configs/sources/producers/test-source.yaml: producer.recordId")
    }

    @Test("a source's own messages-per-second cap is read; a negative one is rejected naming the key")
    func publishingCap() async throws {
        let base = "producer:\n  format: csv\n  recordId: id\n  input:\n    type: path\n    path: x.csv\n    watch: false\n"
        let capped = try Self.project(producer: base + "  publish:\n    maxRecordsPerSecond: 25\n")
        defer { capped.remove() }
        #expect(try await ProducerConfiguration.load(sourceId: "test-source", layout: capped.layout).maxRecordsPerSecond == 25)
        let negative = try Self.project(producer: base + "  publish:\n    maxRecordsPerSecond: -1\n")
        defer { negative.remove() }
        let error = try await #require(throws: SourceError.self) {
            try await ProducerConfiguration.load(sourceId: "test-source", layout: negative.layout)
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.input == "configs/sources/producers/test-source.yaml: producer.publish.maxRecordsPerSecond")
    }

    @Test("a producer whose format differs from its mapping's is rejected")
    func formatMismatchIsRejected() async throws {
        let project = try Self.project(
            producer: "producer:\n  format: xml\n  recordId: id\n  input:\n    type: path\n    path: x.csv\n    watch: false\n")
        defer { project.remove() }
        let error = try await #require(throws: SourceError.self) {
            try await ProducerConfiguration.load(sourceId: "test-source", layout: project.layout)
        }
        #expect(error.input == "configs/sources/producers/test-source.yaml: producer.format")
        #expect(error.reason.contains("csv"))
    }

    @Test("a relative input resolves against the data root and timings come from the defaults file")
    func relativeInputResolvesAgainstDataRoot() async throws {
        let project = try Self.project(
            producer: "producer:\n  format: csv\n  recordId: id\n  input:\n    type: path\n    path: drops/x\n    watch: true\n")
        defer { project.remove() }
        let configuration = try await ProducerConfiguration.load(sourceId: "test-source", layout: project.layout)
        #expect(configuration.input == .path(project.layout.root.appendingPathComponent(".homeprice/scenario/drops/x"), watch: true))
        #expect(configuration.recordIdPath == "id")
        #expect(configuration.batchSize == 10_000)
        #expect(configuration.maxRecordsPerSecond == 0)
        #expect(configuration.timing.initialRetryDelay == .milliseconds(200))
    }

    @Test("a source without a mapping file cannot start")
    func missingMappingIsReported() async throws {
        let project = try Self.project(
            producer: "producer:\n  format: csv\n  recordId: id\n  input:\n    type: path\n    path: x.csv\n    watch: false\n",
            mapping: nil)
        defer { project.remove() }
        let error = try await #require(throws: SourceError.self) {
            try await ProducerConfiguration.load(sourceId: "test-source", layout: project.layout)
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.input?.hasSuffix("configs/sources/test-source.yaml") == true)
    }

    @Test("a user's producer and mapping files may live anywhere; errors name them by path")
    func filesOutsideConfigs() async throws {
        let project = try Self.project(producer: "", mapping: nil)
        defer { project.remove() }
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("own-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let producer = elsewhere.appendingPathComponent("producer.yaml")
        try "producer:\n  format: csv\n  recordId: id\n  input:\n    type: path\n    path: /data/drops\n    watch: false\n"
            .write(to: producer, atomically: true, encoding: .utf8)
        let mapping = elsewhere.appendingPathComponent("mapping.yaml")
        try Self.mapping.replacingOccurrences(of: "region: US", with: "region: CA").write(to: mapping, atomically: true, encoding: .utf8)

        let configuration = try await ProducerConfiguration.load(
            sourceId: "test-source", file: producer.path, mapping: mapping.path, layout: project.layout)
        #expect(configuration.descriptor.region == "CA")
        #expect(configuration.input == .path(URL(fileURLWithPath: "/data/drops"), watch: false))
        #expect(configuration.timing.initialRetryDelay == .milliseconds(200), "defaults still from configs/producers.yaml")

        try "producer:\n  format: csv\n  input:\n    type: path\n    path: x.csv\n    watch: false\n"
            .write(to: producer, atomically: true, encoding: .utf8)
        let missingKey = try await #require(throws: SourceError.self) {
            try await ProducerConfiguration.load(
                sourceId: "test-source", file: producer.path, mapping: mapping.path, layout: project.layout)
        }
        #expect(missingKey.input == "\(producer.path): producer.recordId")
        let wrongSource = try await #require(throws: SourceError.self) {
            try await ProducerConfiguration.load(sourceId: "other", file: producer.path, mapping: mapping.path, layout: project.layout)
        }
        #expect(wrongSource.input == mapping.path && wrongSource.reason.contains("not other"))
    }

    /// A project with the real defaults file, a producer file and a mapping for `test-source`.
    static func project(producer: String, mapping: String? = Self.mapping) throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.copy(ProducerConfiguration.defaultsFile)
        try project.write(producer, to: ProducerConfiguration.file(sourceId: "test-source"))
        if let mapping { try project.write(mapping, to: "sources/test-source.yaml") }
        return project
    }

    static let mapping = """
        id: test-source
        kind: datasetFile
        region: US
        currency: USD
        format: csv
        mapping:
          price: { path: price }
        """
}
