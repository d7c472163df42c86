import ArgumentParser
import Foundation
import NormalizerCore
import ServiceSupport

/// `homeprice normalize`: a dry run of the normalizer's mapping and parsing on files, printing
/// canonical homes or errors as JSON lines.
struct NormalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Map records from files exactly as the normalizer would and print homes or errors as JSON lines.",
        discussion: """
            Files hold one JSON document, JSON lines, CSV or XML, as the source's mapping declares. \
            With --resolve, entity resolution runs over all given records and the merged clusters \
            (and pairs a human would review) are printed instead.
            """
    )

    @Option(help: "The source id whose mapping applies (a file in configs/sources or --mapping).")
    var source: String

    @Option(help: "A mapping file (YAML) to use instead of the configured one.")
    var mapping: String?

    @Flag(help: "Also run entity resolution over all records and print the clusters.")
    var resolve = false

    @Argument(help: "The files holding the source's records.")
    var files: [String]

    func run() async throws {
        let layout = ProjectLayout.current()
        let configuration = try await NormalizerConfiguration.load(layout: layout)
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        let dryRun = DryRun(
            sourceId: source,
            mappingFile: mapping.map { URL(fileURLWithPath: $0) },
            files: files.map { URL(fileURLWithPath: $0) },
            resolve: resolve
        )
        var failed = false
        for result in try dryRun.run(configuration: configuration, catalog: catalog, now: Date()) {
            print(try result.jsonLine())
            if case .errors = result { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
