import ArgumentParser
import Foundation
import Scenario
import ServiceSupport

/// `homeprice scenario web`: serves the listing website and the agency feeds of a scenario.
struct ScenarioWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Serve the scenario's listing website and agency feeds until interrupted.")

    @Option(help: "The generated scenario folder (`.homeprice/…` is in the state folder, as configs/cluster.yaml runs it).")
    var scenario = ".homeprice/scenario"
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: "Seconds between site revisions (pages that change between crawls); 0 never.") var revisionInterval = 0
    @Flag(help: "Serve every page healthy (no 500s, slow or malformed pages).") var noFaults = false

    func run() async throws {
        let website = try ScenarioWebsite(
            scenario: ProjectLayout.resolve(scenario, in: ProjectLayout.current()), configuration: .init(faultsEnabled: !noFaults))
        let server = try website.serve(host: host, port: port)
        defer { server.stop() }
        print("listing site at \(server.baseURL)/search?page=1")
        for feed in website.feeds { print("agency feed at \(server.baseURL)\(feed.path)") }
        while true {
            try await Task.sleep(for: .seconds(revisionInterval > 0 ? revisionInterval : 3_600))
            if revisionInterval > 0 { print("site revision \(website.site.advanceRevision())") }
        }
    }
}
