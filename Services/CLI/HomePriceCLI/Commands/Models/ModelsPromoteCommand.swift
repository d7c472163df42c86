import ArgumentParser
import Foundation
import ModelRegistry

/// `homeprice models promote`: points an alias of a region's model at a validated version.
struct ModelsPromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Point an alias (the champion by default) of a region's model at a validated version.",
        discussion: "Refused, with a non-zero exit, for a version that is not validated or that the alias already points at.")

    @OptionGroup var change: ModelChangeOptions

    @Option(help: "The version to promote.")
    var version: String

    @Option(help: "The alias to move.")
    var alias: String = ModelAlias.champion

    @OptionGroup var options: ModelsOptions

    func run() async throws {
        try await options.publishChange { state throws(RegistryError) in
            try state.promotion(
                of: version, model: change.region.name, to: alias, actor: CLIActor.current, reason: change.reason, at: Date())
        } describe: { event in
            "\(event.key) now points at \(event.version)" + (event.previousVersion.map { " (was \($0))" } ?? "")
        }
    }
}
