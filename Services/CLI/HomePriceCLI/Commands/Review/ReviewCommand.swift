import ArgumentParser

/// `homeprice review`: the human review queue on `review.tasks`.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The review queue: list and show tasks, approve or reject them.",
        discussion: """
            Tasks are read from review.tasks to its end, latest state per task id. A decision is published there \
            as the task resolved by user:$USER; the service that raised the task (normalizer, server, trainer) \
            applies it. The monitor's dashboard does the same in a browser.
            """,
        subcommands: [ReviewListCommand.self, ReviewShowCommand.self, ReviewApproveCommand.self, ReviewRejectCommand.self])
}
