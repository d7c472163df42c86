import ArgumentParser
import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import Sources

/// How `homeprice normalize` reads one group's files: the source's catalog entry (its own
/// mapping file or the configured one) and the producer's reader of that source.
struct DryRunInputReader {
    /// The catalog entry the records are stamped with and mapped by.
    let source: SourceDescriptor
    /// The producer's file reader.
    let reader: RecordFileReader

    /// The reader of `group`: the producer file given or configured for the source, else the
    /// group's `--record-id` with the mapping's format.
    /// - Throws: `ValidationError` when the mapping names another source or the record id is
    ///   unknown; `SourceError` and `NormalizationError` for files that cannot be read.
    static func reader(for group: DryRunSourceGroup, catalog: SourceCatalog, layout: ProjectLayout?) async throws -> DryRunInputReader {
        var source: SourceDescriptor
        if let mapping = group.mapping {
            source = try SourceCatalog.loadMapping(file: URL(fileURLWithPath: mapping))
            guard source.id == group.sourceId else {
                throw ValidationError("the mapping \(mapping) describes source \(source.id), not \(group.sourceId)")
            }
        } else if let configured = catalog[group.sourceId] {
            source = configured
        } else {
            throw NormalizationError(.unknownSource, reason: "no mapping for source '\(group.sourceId)'", input: group.sourceId)
        }
        source.publishedAt = Date()
        if let layout, group.recordId == nil,
            group.producer != nil
                || FileManager.default.fileExists(
                    atPath: layout.configs.appendingPathComponent(ProducerConfiguration.file(sourceId: group.sourceId)).path)
        {
            let producer = try await ProducerConfiguration.load(
                sourceId: group.sourceId, file: group.producer, mapping: group.mapping, layout: layout)
            return DryRunInputReader(source: source, reader: RecordFileReader(configuration: producer))
        }
        guard let recordId = group.recordId else {
            throw ValidationError(
                "source \(group.sourceId) has no producer file: give --producer FILE or --record-id PATH (where each record's id is)")
        }
        return DryRunInputReader(source: source, reader: RecordFileReader(format: source.format, recordIdPath: recordId))
    }
}
