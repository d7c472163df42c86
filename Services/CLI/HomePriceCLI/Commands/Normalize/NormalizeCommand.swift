import ArgumentParser
import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import Sources

/// `homeprice normalize`: a dry run of the normalizer's mapping and parsing on files of one or
/// several sources, printing canonical homes or errors as JSON lines (or a summary).
struct NormalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Map records from files exactly as the normalizer would and print homes or errors as JSON lines.",
        usage: "homeprice normalize [--resolve] [--summary] --source ID[:MAPPING] FILE… [--source ID[:MAPPING] FILE…]…",
        discussion: """
            Each --source starts a group: the source id, optionally its own mapping file (ID:MAPPING \
            or --mapping FILE inside the group), optionally its producer file (--producer FILE), \
            then the files holding its records. Files are read by the source's producer reader \
            (configs/sources/producers/<ID>.yaml or --producer), exactly as it would publish them, \
            so records keep their native ids; a source without a producer file needs \
            --record-id PATH (a CSV column, JSON dot path or XML path). With --resolve, entity \
            resolution runs over the records of every group and the merged clusters (and pairs a \
            human would review) are printed instead. With --summary, counts by outcome, source, \
            error field and error code are printed instead of the lines.
            """
    )

    @Flag(help: "Also run entity resolution over the records of every source and print the clusters.")
    var resolve = false

    @Flag(help: "Print counts by outcome, source, error field and error code instead of one line per record.")
    var summary = false

    @Argument(
        parsing: .allUnrecognized,
        help: "Groups: --source ID[:MAPPING] [--mapping FILE] [--producer FILE] [--record-id PATH] FILE…")
    var groups: [String] = []

    func run() async throws {
        let sources = try DryRunSourceGroup.parse(groups)
        let layout = ProjectLayout.current()
        let configuration = try await NormalizerConfiguration.load(layout: layout)
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        var records: [RawRecord] = []
        var readBySource: [String: Int] = [:]
        var results: [DryRunResult] = []
        var mappings: [SourceDescriptor] = []
        let now = Date()
        for group in sources {
            let input = try await DryRunInputReader.reader(for: group, catalog: catalog, layout: layout)
            if group.mapping != nil { mappings.append(input.source) }
            for file in group.files {
                let url = URL(fileURLWithPath: file)
                let data: Data
                do {
                    data = try Data(contentsOf: url)
                } catch {
                    throw NormalizationError(
                        .unreadableFile, reason: "cannot read the input file: \(error.localizedDescription)", input: file)
                }
                for outcome in input.reader.read(data, name: url.lastPathComponent) {
                    readBySource[group.sourceId, default: 0] += 1
                    switch outcome {
                    case .record(let record):
                        records.append(record.rawRecord(source: input.source, url: url, fetchedAt: now))
                    case .failure(let failure):
                        results.append(
                            .errors(
                                record: "\(group.sourceId)/\(failure.location)",
                                reasons: [FailureReason(field: failure.field, code: failure.code, message: failure.message)]))
                    }
                }
            }
        }
        results += try DryRun(records: records, mappings: mappings, resolve: resolve).run(
            configuration: configuration, catalog: catalog, now: now)
        if summary {
            for line in DryRunSummary(recordsBySource: readBySource, results: results).lines { print(line) }
        } else {
            for result in results { print(try result.jsonLine()) }
        }
        if results.contains(where: { if case .errors = $0 { true } else { false } }) { throw ExitCode(1) }
    }
}
