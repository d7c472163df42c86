import Foundation
import TestSupport
import Testing

/// The agency feeds' own producer files (`configs/sources/producers/<id>.yaml`), copied with
/// the scenario website they page moved from `127.0.0.1:8080` to a test's own address.
enum AgencyFeedFiles {
    /// Writes each feed's file, pointed at `site` (`host:port`), into `folder`, and returns the
    /// supervisor's `SERVICES_<ID>_ARGUMENTS` that run each feed's producer on its copy.
    static func pointed(_ feeds: [String], at site: String, in folder: URL) throws -> [String: String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var environment: [String: String] = [:]
        for feed in feeds {
            let original = TestProject.layout.configs.appendingPathComponent("sources/producers/\(feed).yaml")
            let text = try String(contentsOf: original, encoding: .utf8)
            try #require(text.contains("127.0.0.1:8080"), "\(original.path) reads no feed at 127.0.0.1:8080")
            let file = folder.appendingPathComponent("\(feed).yaml")
            try Data(text.replacingOccurrences(of: "127.0.0.1:8080", with: site).utf8).write(to: file)
            environment["SERVICES_\(feed.uppercased().replacingOccurrences(of: "-", with: "_"))_ARGUMENTS"] =
                "--source,\(feed),--config,\(file.path)"
        }
        return environment
    }
}
