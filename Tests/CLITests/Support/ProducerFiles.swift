import Foundation
import TestSupport
import Testing

/// The sources' own producer files (`configs/sources/producers/<id>.yaml`), copied for a test's
/// cluster: the agency feeds with the scenario website they page moved from `127.0.0.1:8080` to
/// the test's own address, and any producer with a messages-per-second cap of its own.
enum ProducerFiles {
    /// Writes a copy of each producer's file into `folder`: every feed of `feeds` pointed at
    /// `site` (`host:port`), every producer of `paces` capped at its messages per second
    /// (`publish.maxRecordsPerSecond`). Returns the supervisor's `SERVICES_<ID>_ARGUMENTS` that
    /// run each of these producers on its copy.
    static func written(
        feeds: [String], pointedAt site: String, paces: [String: Int] = [:], in folder: URL
    ) throws -> [String: String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var environment: [String: String] = [:]
        for producer in Set(feeds).union(paces.keys).sorted() {
            let original = TestProject.layout.configs.appendingPathComponent("sources/producers/\(producer).yaml")
            var text = try String(contentsOf: original, encoding: .utf8)
            if feeds.contains(producer) {
                try #require(text.contains("127.0.0.1:8080"), "\(original.path) reads no feed at 127.0.0.1:8080")
                text = text.replacingOccurrences(of: "127.0.0.1:8080", with: site)
            }
            if let pace = paces[producer] {
                // The cap goes under `producer:`, whose keys the file indents by two spaces.
                try #require(!text.contains("\n  publish:"), "\(original.path) sets its own publishing")
                text += (text.hasSuffix("\n") ? "" : "\n") + "  publish:\n    maxRecordsPerSecond: \(pace)\n"
            }
            let file = folder.appendingPathComponent("\(producer).yaml")
            try Data(text.utf8).write(to: file)
            environment["SERVICES_\(producer.uppercased().replacingOccurrences(of: "-", with: "_"))_ARGUMENTS"] =
                "--source,\(producer),--config,\(file.path)"
        }
        return environment
    }
}
