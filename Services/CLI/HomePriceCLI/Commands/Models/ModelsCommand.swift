import ArgumentParser

/// `homeprice models`: the model registry on `models.registry`, and training requests on
/// `pipeline.control`.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "The model registry: list and show versions, request training, promote, roll back, archive.",
        discussion: """
            Each region has one model, homeprice-<region> (--region DE selects homeprice-de). The registry is \
            read from models.registry to its end; changes are published there as registry events, and a \
            training request goes to the trainer on pipeline.control.
            """,
        subcommands: [
            ModelsListCommand.self,
            ModelsShowCommand.self,
            ModelsTrainCommand.self,
            ModelsPromoteCommand.self,
            ModelsRollbackCommand.self,
            ModelsArchiveCommand.self,
        ])
}
