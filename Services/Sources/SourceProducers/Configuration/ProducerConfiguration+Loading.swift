import Configuration
import Foundation
import Schema
import ServiceSupport

extension ProducerConfiguration {
    /// Reads `configs/sources/producers/<sourceId>.yaml` (environment variables override every
    /// key: `INPUT_PATH` overrides `input.path`) and the mapping file it names.
    ///
    /// Relative input paths resolve against `dataRoot` (default: the scenario folder
    /// `.homeprice/scenario`); the state file goes to `<state dir>/sources/<id>.json`.
    public static func load(sourceId: String, layout: ProjectLayout) async throws(SourceError) -> ProducerConfiguration {
        let file = "sources/producers/\(sourceId).yaml"
        guard FileManager.default.fileExists(atPath: layout.configs.appendingPathComponent(file).path) else {
            throw SourceError(code: .invalidConfiguration, reason: "no producer configuration for this source", input: "configs/\(file)")
        }
        let reader: ConfigReader
        do {
            reader = try await ConfigurationLoader.reader(layout: layout, files: [file])
        } catch {
            throw SourceError(code: .invalidConfiguration, reason: error.description, input: "configs/\(file)")
        }
        return try ProducerConfiguration(reader: reader, layout: layout, file: file)
    }

    /// Reads the configuration from `reader`; `file` names it in errors.
    init(reader: ConfigReader, layout: ProjectLayout, file: String) throws(SourceError) {
        func required(_ key: String) throws(SourceError) -> String {
            guard let value = reader.string(forKey: ConfigKey(key)), !value.isEmpty else {
                throw SourceError(code: .invalidConfiguration, reason: "the key is missing", input: "configs/\(file): \(key)")
            }
            return value
        }
        func enumeration<Value: RawRepresentable<String>>(_ key: String, _: Value.Type) throws(SourceError) -> Value {
            let text = try required(key)
            guard let value = Value(rawValue: text) else {
                throw SourceError(code: .invalidConfiguration, reason: "unknown value \(text)", input: "configs/\(file): \(key)")
            }
            return value
        }
        let id = try required("source.id")
        let mappingFile = layout.configs.appendingPathComponent("sources/producers").appendingPathComponent(
            try required("source.mappingFile"))
        let mapping: [String: FieldMapping]
        do {
            mapping = try JSONDecoder().decode([String: FieldMapping].self, from: Data(contentsOf: mappingFile))
        } catch {
            throw SourceError(code: .invalidConfiguration, reason: "the mapping cannot be read: \(error)", input: mappingFile.path)
        }
        let descriptor = SourceDescriptor(
            id: id, name: try required("source.name"), kind: try enumeration("source.kind", SourceKind.self),
            region: try required("source.region"), currency: try required("source.currency"),
            format: try enumeration("source.format", RecordFormat.self), locale: reader.string(forKey: "source.locale"),
            mapping: mapping, publishedAt: Date())
        let dataRoot = URL(
            fileURLWithPath: reader.string(
                forKey: "dataRoot", default: layout.stateDirectory().appendingPathComponent("scenario").path))
        let input: ProducerInput
        switch try required("input.type") {
        case "path":
            let path = try required("input.path")
            input = .path(
                path.hasPrefix("/") ? URL(fileURLWithPath: path) : dataRoot.appendingPathComponent(path),
                watch: reader.bool(forKey: "input.watch", default: false))
        case "feed":
            guard let url = URL(string: try required("input.url")) else {
                throw SourceError(code: .invalidConfiguration, reason: "not a URL", input: "configs/\(file): input.url")
            }
            input = .feed(
                url, pageSize: reader.int(forKey: "input.pageSize", default: 200),
                follow: reader.bool(forKey: "input.follow", default: false))
        case let other:
            throw SourceError(
                code: .invalidConfiguration, reason: "input.type must be path or feed, found \(other)", input: "configs/\(file): input.type"
            )
        }
        let delimiter = reader.string(forKey: "csv.delimiter", default: ",")
        self.init(
            descriptor: descriptor, input: input, recordIdPath: try required("recordId"),
            csvDelimiter: delimiter.first ?? ",",
            xmlRecordElement: reader.string(forKey: "xml.recordElement", default: "Record"),
            batchSize: reader.int(forKey: "publish.batchSize", default: 1_000),
            pollInterval: .milliseconds(reader.int(forKey: "input.pollIntervalMs", default: 2_000)),
            initialRetryDelay: .milliseconds(reader.int(forKey: "retry.initialDelayMs", default: 200)),
            maximumRetryDelay: .milliseconds(reader.int(forKey: "retry.maximumDelayMs", default: 30_000)),
            stateFile: layout.stateDirectory().appendingPathComponent("sources/\(id).json"))
    }
}
