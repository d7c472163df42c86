import ArgumentParser
import ModelRegistry

/// `homeprice models list`: every version of every model, or of one region's model.
struct ModelsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every model version: state, aliases and key metrics.",
        discussion: "With --json, one JSON array with a row per version (model, version, state, aliases, metrics, …).")

    @Option(help: "Only this region's model (US, CA, DE, …).", transform: { try ModelName(region: $0) })
    var region: ModelName?

    @OptionGroup var options: ModelsOptions

    func run() async throws {
        let state = try await options.connection(try await options.environment()).readRegistry()
        _ = try state.models(selecting: region)  // an unknown region is an error, not an empty table
        let table = RegistryTable(state: state, model: region?.name)
        if options.json {
            print(String(decoding: try table.json(), as: UTF8.self))
        } else {
            print(table.rows.isEmpty ? "the registry has no model versions yet" : table.text, terminator: "")
        }
    }
}
