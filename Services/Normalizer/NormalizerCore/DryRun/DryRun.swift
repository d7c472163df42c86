import Foundation
import Schema

/// `homeprice normalize`: runs exactly the service's mapping and parsing on raw records read
/// from files (by the sources' own producer readers), for mapping authors, without Kafka and
/// without touching the warehouse.
///
/// Without ``resolve`` every record is mapped on its own and printed as a single-source home
/// (or its errors); with it, entity resolution runs over all given records of every source in
/// a private in-memory store and the merged clusters and review questions are printed instead.
public struct DryRun: Sendable {
    /// The records, of one source or several, in input order.
    public var records: [RawRecord]
    /// Mappings to use instead of the configured ones (each replaces its source's entry).
    public var mappings: [SourceDescriptor]
    /// Whether to resolve entities over all records.
    public var resolve: Bool

    /// Creates a dry run.
    public init(records: [RawRecord], mappings: [SourceDescriptor] = [], resolve: Bool) {
        self.records = records
        self.mappings = mappings
        self.resolve = resolve
    }

    /// Runs over the records.
    /// - Parameters:
    ///   - configuration: The normalizer settings (merge policy and thresholds).
    ///   - catalog: The configured source mappings.
    ///   - now: The time stamped on homes.
    /// - Returns: The output lines, in input order (clusters by home id).
    /// - Throws: ``NormalizationError`` for a source without a mapping or a mapping that is not
    ///   valid.
    public func run(configuration: NormalizerConfiguration, catalog: SourceCatalog, now: Date) throws(NormalizationError) -> [DryRunResult]
    {
        var catalog = catalog
        for var mapping in mappings {
            mapping.publishedAt = now
            catalog.update(mapping)
        }
        var checked: Set<String> = []
        for record in records where checked.insert(record.sourceId).inserted {
            guard let source = catalog[record.sourceId] else {
                throw NormalizationError(.unknownSource, reason: "no mapping for source '\(record.sourceId)'", input: record.sourceId)
            }
            _ = try RecordMapper(descriptor: source)
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
        let store = try SQLiteWarehouse(path: ":memory:", recordCacheSize: configuration.warehouseRecordCacheSize, clock: { now })
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
