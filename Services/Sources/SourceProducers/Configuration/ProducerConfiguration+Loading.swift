import Configuration
import Foundation
import Pipeline
import Schema
import ServiceSupport

extension ProducerConfiguration {
    /// The producer file of a source, relative to `configs/`: `sources/producers/<id>.yaml`.
    public static func file(sourceId: String) -> String {
        "sources/producers/\(sourceId).yaml"
    }

    /// The file of every producer's defaults, relative to `configs/`.
    public static let defaultsFile = "producers.yaml"

    /// Loads the producer of `sourceId`: its producer file over `configs/producers.yaml`, every
    /// key overridable by an environment variable (`producer.input.path` →
    /// `PRODUCER_INPUT_PATH`), and the source's catalog entry from its mapping file (the one the
    /// normalizer reads).
    ///
    /// The producer file is `file` when given (a user's own file anywhere: an absolute path or
    /// one relative to the working directory), else `configs/sources/producers/<id>.yaml`; the
    /// mapping file is `mapping` when given, else `configs/sources/<id>.yaml`, and must describe
    /// `sourceId`. Relative input paths resolve against `producer.dataRoot` (`.homeprice/…` in
    /// the state folder, other relative paths against the project root); the state file is
    /// `<state folder>/sources/<id>.json`.
    /// - Throws: ``SourceError/Code/invalidConfiguration`` naming the file and key that is
    ///   missing or invalid, or the mapping file that cannot be read.
    public static func load(sourceId: String, file: String? = nil, mapping: String? = nil, layout: ProjectLayout) async throws(SourceError)
        -> ProducerConfiguration
    {
        let path =
            file.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? layout.configs.appendingPathComponent(Self.file(sourceId: sourceId)).path
        let name = file == nil ? "configs/\(Self.file(sourceId: sourceId))" : path
        guard FileManager.default.fileExists(atPath: path) else {
            throw SourceError(code: .invalidConfiguration, reason: "no producer configuration for this source", input: name)
        }
        let reader: ConfigReader
        do {
            reader = try await ConfigurationLoader.reader(layout: layout, files: [path, defaultsFile])
        } catch {
            throw SourceError(code: .invalidConfiguration, reason: error.description, input: name)
        }
        let mappingFile = mapping.map { URL(fileURLWithPath: $0) } ?? SourceMappingFiles.file(sourceId: sourceId, layout: layout)
        let descriptor: SourceDescriptor
        do {
            descriptor = try SourceMappingFiles.load(file: mappingFile, publishedAt: Date())
        } catch {
            throw SourceError(code: .invalidConfiguration, reason: "the mapping cannot be read: \(error.reason)", input: error.input)
        }
        guard descriptor.id == sourceId else {
            throw SourceError(
                code: .invalidConfiguration, reason: "the mapping describes source \(descriptor.id), not \(sourceId)",
                input: mappingFile.path)
        }
        return try ProducerConfiguration(reader: reader.scoped(to: "producer"), descriptor: descriptor, layout: layout, file: name)
    }

    /// Reads the configuration under `producer.` from `reader`; `file` names it in errors
    /// (`configs/<name>` or a path).
    init(reader: ConfigReader, descriptor: SourceDescriptor, layout: ProjectLayout, file: String) throws(SourceError) {
        let keys = RequiredKeys(reader: reader, file: file)
        let format = try keys.enumeration("format", RecordFormat.self)
        guard format == descriptor.format else {
            throw SourceError(
                code: .invalidConfiguration,
                reason: "the producer reads \(format.rawValue) but the mapping declares \(descriptor.format.rawValue)",
                input: keys.name("format"))
        }
        let dataRoot = layout.resolve(try keys.string("dataRoot"))
        let input: ProducerInput
        switch try keys.string("input.type") {
        case "path":
            let path = try keys.string("input.path")
            input = .path(
                path.hasPrefix("/") ? URL(fileURLWithPath: path) : dataRoot.appendingPathComponent(path),
                watch: try keys.bool("input.watch"))
        case "feed":
            guard let url = URL(string: try keys.string("input.url")), url.scheme != nil else {
                throw SourceError(code: .invalidConfiguration, reason: "not a URL", input: keys.name("input.url"))
            }
            input = .feed(url, pageSize: try keys.positive("input.pageSize"), follow: try keys.bool("input.follow"))
        case let other:
            throw SourceError(
                code: .invalidConfiguration, reason: "input.type must be path or feed, found \(other)", input: keys.name("input.type"))
        }
        let delimiter = reader.string(forKey: "csv.delimiter", default: ",")
        guard delimiter.count == 1, let separator = delimiter.first else {
            throw SourceError(code: .invalidConfiguration, reason: "the delimiter must be one character", input: keys.name("csv.delimiter"))
        }
        let timing = ProducerTiming(
            pollInterval: .milliseconds(try keys.positive("input.pollIntervalMs")),
            requestTimeout: .milliseconds(try keys.positive("http.requestTimeoutMs")),
            initialRetryDelay: .milliseconds(try keys.positive("retry.initialDelayMs")),
            maximumRetryDelay: .milliseconds(try keys.positive("retry.maximumDelayMs")),
            maximumAttempts: try keys.nonNegative("retry.maximumAttempts"))
        self.init(
            descriptor: descriptor, input: input, recordIdPath: try keys.string("recordId"), csvDelimiter: separator,
            xmlRecordElement: reader.string(forKey: "xml.recordElement", default: "Record"),
            batchSize: try keys.positive("publish.batchSize"), maxRecordsPerSecond: try keys.nonNegative("publish.maxRecordsPerSecond"),
            timing: timing,
            stateFile: layout.stateDirectory().appendingPathComponent("sources/\(descriptor.id).json"),
            deadLetters: DeadLetterPolicy(reader: reader.scoped(to: "deadLetters")))
    }
}
