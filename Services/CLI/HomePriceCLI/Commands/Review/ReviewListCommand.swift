import ArgumentParser

/// `homeprice review list`: the tasks waiting for a decision (or every task).
struct ReviewListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the open review tasks, oldest first (--all: every task).")

    @Flag(help: "Every task, decided ones included.")
    var all = false

    @OptionGroup var options: ModelsOptions

    func run() async throws {
        let tasks = try await ReviewQueue(options: options).tasks().filter { all || $0.status == .open }
        try options.emit(tasks) { tasks.isEmpty ? "no open review task\n" : tasks.map(\.listLine).joined(separator: "\n") + "\n" }
    }
}
