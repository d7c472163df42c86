import Foundation
import Schema

/// `homeprice normalize`: runs exactly the service's mapping and parsing on records from files,
/// for mapping authors, without Kafka and without touching the warehouse.
///
/// Without ``resolve`` every record is mapped on its own and printed as a single-source home
/// (or its errors); with it, entity resolution runs over all given records in a private
/// in-memory store and the merged clusters and review questions are printed instead.
public struct DryRun: Sendable {
    /// The source whose records the files hold.
    public var sourceId: String
    /// A mapping file to use instead of the source's configured one.
    public var mappingFile: URL?
    /// The files to read.
    public var files: [URL]
    /// Whether to resolve entities over all records.
    public var resolve: Bool

    /// Creates a dry run.
    public init(sourceId: String, mappingFile: URL?, files: [URL], resolve: Bool) {
        self.sourceId = sourceId
        self.mappingFile = mappingFile
        self.files = files
        self.resolve = resolve
    }

    /// Runs over the files.
    /// - Parameters:
    ///   - configuration: The normalizer settings (merge policy and thresholds).
    ///   - catalog: The configured source mappings.
    ///   - now: The time stamped on records and homes.
    /// - Returns: The output lines, in input order (clusters by home id).
    /// - Throws: ``NormalizationError`` for an unknown source, a bad mapping file or an
    ///   unreadable, empty or non-UTF-8 input file.
    public func run(configuration: NormalizerConfiguration, catalog: SourceCatalog, now: Date) throws(NormalizationError) -> [DryRunResult]
    {
        var catalog = catalog
        if let mappingFile {
            var descriptor = try SourceCatalog.loadMapping(file: mappingFile)
            descriptor.id = sourceId
            descriptor.publishedAt = now
            catalog.update(descriptor)
        }
        guard let source = catalog[sourceId] else {
            throw NormalizationError(.unknownSource, reason: "no mapping for source '\(sourceId)'", input: sourceId)
        }
        _ = try RecordMapper(descriptor: source)
        var records: [RawRecord] = []
        for file in files {
            let text = try DryRunInput.text(of: file)
            records += try DryRunInput.records(in: text, file: file.path, source: source, fetchedAt: now)
        }
        guard resolve else {
            return try records.map { record throws(NormalizationError) in
                let output = try Normalizer(
                    configuration: configuration,
                    catalog: catalog,
                    store: try SQLiteWarehouse(path: ":memory:", clock: { now }),
                    clock: { now }
                ).normalize(record)
                return Self.result(record, output)
            }
        }
        let store = try SQLiteWarehouse(path: ":memory:", clock: { now })
        let normalizer = Normalizer(configuration: configuration, catalog: catalog, store: store, clock: { now })
        var results: [DryRunResult] = []
        var tasks: [String: ReviewTask] = [:]
        for record in records {
            let output = try normalizer.normalize(record)
            if let letter = output.deadLetters.first {
                results.append(.errors(record: record.key, reasons: letter.reasons))
            }
            for task in output.reviewTasks { tasks[task.taskId] = task }
        }
        for home in try store.homes() {
            let members = try store.records(inCluster: home.id).map(\.key)
            results.append(.cluster(home: home, records: members))
        }
        results += tasks.keys.sorted().compactMap { tasks[$0].map(DryRunResult.review) }
        return results
    }

    private static func result(_ record: RawRecord, _ output: NormalizerOutput) -> DryRunResult {
        if let home = output.homes.first {
            return .home(record: record.key, home: home)
        }
        return .errors(record: record.key, reasons: output.deadLetters.flatMap(\.reasons))
    }
}
