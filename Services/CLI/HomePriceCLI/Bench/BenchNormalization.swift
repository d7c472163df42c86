import Foundation
import NormalizerCore
import Schema
import ServiceSupport

/// What the normalizer publishes for a benchmark's raw records, computed in this process with
/// the service's own configuration, so a benchmark knows how many messages a stream stage owes.
struct BenchNormalization {
    let layout: ProjectLayout

    /// Every home the normalizer publishes for `records`, in order (versions and retirements
    /// included), and the number of records it dead-letters.
    func run(_ records: [RawRecord], workspace: URL) async throws -> (homes: [Home], deadLetters: Int) {
        let configuration = try await NormalizerConfiguration.load(layout: layout)
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        let warehouse = try SQLiteWarehouse(path: workspace.appendingPathComponent("expected-warehouse.sqlite").path)
        let normalizer = Normalizer(configuration: configuration, catalog: catalog, store: warehouse)
        var homes: [Home] = []
        var deadLetters = 0
        for record in records {
            guard let output = try? normalizer.normalize(record) else {
                deadLetters += 1
                continue
            }
            homes += output.homes
            deadLetters += output.deadLetters.count
        }
        return (homes, deadLetters)
    }
}
