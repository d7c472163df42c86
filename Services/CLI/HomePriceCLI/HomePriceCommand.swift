import ArgumentParser

/// `homeprice`: the command line of the HomePrice pipeline.
public struct HomePriceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "homeprice",
        abstract: "HomePrice: home-price prediction as streaming microservices.",
        subcommands: [
            UpCommand.self,
            DownCommand.self,
            StatusCommand.self,
            SuperviseCommand.self,
            TopicsCommand.self,
            TailCommand.self,
            ProduceCommand.self,
            ScenarioCommand.self,
            NormalizeCommand.self,
            ModelCommand.self,
            ModelsCommand.self,
            ReviewCommand.self,
            BenchCommand.self,
        ]
    )

    public init() {}

    /// Parses the process's arguments and runs the chosen command, exiting with its error.
    public static func execute() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
