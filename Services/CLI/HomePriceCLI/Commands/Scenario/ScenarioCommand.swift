import ArgumentParser

/// `homeprice scenario`: the multi-source scenario the pipeline ingests.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Generate the multi-source scenario and serve its website and agency feeds.",
        subcommands: [ScenarioGenerateCommand.self, ScenarioWebCommand.self])
}
