import ArgumentParser

/// `homeprice review show TASK`: one task with its evidence.
struct ReviewShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one review task with its evidence.")

    @Argument(help: "The task id.")
    var taskId: String

    @OptionGroup var options: ModelsOptions

    func run() async throws {
        let task = try await ReviewQueue(options: options).task(taskId)
        try options.emit(task) { task.detailText + "\n" }
    }
}
