import ArgumentParser
import Foundation
import ModelRegistry

/// `homeprice models rollback`: points an alias of a region's model back at its previous version.
struct ModelsRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Point an alias (the champion by default) of a region's model back at the version before its latest promotion.",
        discussion: "Only the latest promotion can be rolled back; after a rollback, promote a version explicitly.")

    @OptionGroup var change: ModelChangeOptions

    @Option(help: "The alias to move back.")
    var alias: String = ModelAlias.champion

    @OptionGroup var options: ModelsOptions

    func run() async throws {
        try await options.publishChange { state throws(RegistryError) in
            try state.rollback(of: alias, model: change.region.name, actor: CLIActor.current, reason: change.reason, at: Date())
        } describe: { event in
            "\(event.key) rolled back to \(event.version)" + (event.previousVersion.map { " (from \($0))" } ?? "")
        }
    }
}
