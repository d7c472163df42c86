import ArgumentParser
import Foundation
import ModelRegistry

/// `homeprice models archive`: retires a version of a region's model.
struct ModelsArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Retire a version of a region's model; it no longer serves.",
        discussion: "Refused for a version an alias points at: promote another version or roll back first.")

    @OptionGroup var change: ModelChangeOptions

    @Option(help: "The version to archive.")
    var version: String

    @OptionGroup var options: ModelsOptions

    func run() async throws {
        try await options.publishChange { state throws(RegistryError) in
            try state.archival(of: version, model: change.region.name, actor: CLIActor.current, reason: change.reason, at: Date())
        } describe: { event in
            "\(event.key) is archived"
        }
    }
}
